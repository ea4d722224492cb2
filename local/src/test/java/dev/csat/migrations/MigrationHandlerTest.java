package dev.csat.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.csat.testing.Events;
import dev.csat.testing.LocalStack;
import dev.csat.testing.TestContext;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The deploy-time custom resource: applies migrations and always answers CloudFormation. */
class MigrationHandlerTest {
  @Test
  void answersCloudFormationWithSuccess() throws Exception {
    LocalStack.configureDefaultApp();
    var answer = new CompletableFuture<JsonNode>();
    HttpServer cloudFormation = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    cloudFormation.createContext("/", exchange -> {
      answer.complete(new ObjectMapper().readTree(exchange.getRequestBody().readAllBytes()));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    cloudFormation.start();
    try {
      var event = event();
      event.setResponseUrl("http://127.0.0.1:" + cloudFormation.getAddress().getPort() + "/presigned");
      new MigrationHandler().handleRequest(event, TestContext.of("MigrateDatabaseFunction"));

      JsonNode body = answer.get(10, TimeUnit.SECONDS);
      assertEquals("SUCCESS", body.path("Status").asText(), body::toString);
      assertEquals(event.getRequestId(), body.path("RequestId").asText());
      assertEquals(event.getLogicalResourceId(), body.path("LogicalResourceId").asText());
      assertTrue(body.path("PhysicalResourceId").isTextual());
    } finally {
      cloudFormation.stop(0);
    }
  }

  private static CloudFormationCustomResourceEvent event() throws Exception {
    var serializer = LambdaEventSerializers.serializerFor(CloudFormationCustomResourceEvent.class,
        MigrationHandlerTest.class.getClassLoader());
    try (InputStream in = Files.newInputStream(Events.repoRoot().resolve("events/migrate-database.json"))) {
      return serializer.fromJson(in);
    }
  }
}
