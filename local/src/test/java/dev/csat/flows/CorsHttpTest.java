package dev.csat.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import dev.csat.http.Cors;
import dev.csat.local.gateway.AuthorizerContext;
import dev.csat.local.gateway.LocalGateway;
import dev.csat.local.gateway.RouteTable;
import dev.csat.local.gateway.SamTemplate;
import dev.csat.testing.Events;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The local gateway's preflight answers are the ones API Gateway gives in AWS: for every path of
 * openapi.yaml, over the routes of template.yaml, the static headers of its options mock
 * integration, the Origin echoed only for an allowed origin, no authorizer, and a response the
 * contract documents.
 */
class CorsHttpTest {
  private static final String APP = "https://app.example.com";
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final AtomicInteger AUTHORIZER_CALLS = new AtomicInteger();
  private static OpenApiInteractionValidator contract;
  private static Map<String, Object> paths;
  private static LocalGateway gateway;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void start() throws Exception {
    String openapi = Files.readString(Events.repoRoot().resolve("openapi.yaml"));
    contract = OpenApiInteractionValidator.createForInlineApiSpecification(openapi).build();
    paths = (Map<String, Object>) new Yaml(new LoaderOptions()).<Map<String, Object>>load(openapi).get("paths");
    var routes = RouteTable.from(SamTemplate.load(Events.repoRoot().resolve("template.yaml")));
    AuthorizerContext counting = (event, route) -> {
      AUTHORIZER_CALLS.incrementAndGet();
      throw new IllegalStateException("a preflight must never reach the authorizer");
    };
    gateway = LocalGateway.start(routes, counting, Cors.of(APP), "127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyPathsPreflightIsAnsweredAsItsMockIntegrationAnswersInAws() throws Exception {
    List<String> problems = new ArrayList<>();
    for (var entry : paths.entrySet()) {
      String template = entry.getKey();
      var options = (Map<String, Object>) ((Map<String, Object>) entry.getValue()).get("options");
      var integration = (Map<String, Object>) options.get("x-amazon-apigateway-integration");
      var answer = (Map<String, Object>) ((Map<String, Object>) integration.get("responses")).get("default");
      Map<String, String> expected = new LinkedHashMap<>();
      ((Map<String, String>) answer.get("responseParameters")).forEach((name, value) ->
          expected.put(name.substring("method.response.header.".length()), value.substring(1, value.length() - 1)));
      String path = template.replaceAll("\\{[^}]+}", "x1");

      var allowed = preflight(path, APP);
      if (allowed.statusCode() != 204) {
        problems.add(template + ": " + allowed.statusCode() + " " + allowed.body());
        continue;
      }
      expected.forEach((name, value) -> {
        if (!value.equals(allowed.headers().firstValue(name).orElse(null))) {
          problems.add(template + ": " + name + " is " + allowed.headers().firstValue(name).orElse(null) + ", AWS answers " + value);
        }
      });
      if (!APP.equals(allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(null))) {
        problems.add(template + ": an allowed origin gets no Access-Control-Allow-Origin");
      }
      var report = contract.validateResponse(template, Request.Method.OPTIONS, new SimpleResponse.Builder(204)
          .withHeader("Access-Control-Allow-Origin", APP).build());
      if (report.hasErrors()) {
        problems.add(template + ": the answer breaks openapi.yaml: " + report.getMessages());
      }

      var other = preflight(path, "https://evil.example.com");
      if (other.statusCode() != 204 || other.headers().firstValue("Access-Control-Allow-Origin").isPresent()) {
        problems.add(template + ": another origin gets " + other.statusCode() + " " + other.headers().map());
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
    assertFalse(paths.isEmpty());
    assertEquals(0, AUTHORIZER_CALLS.get(), "no preflight reached the authorizer");
  }

  private static HttpResponse<String> preflight(String path, String origin) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(gateway.endpoint() + path))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", origin)
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
        .build(), HttpResponse.BodyHandlers.ofString());
  }
}
