package dev.csat.local.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.csat.auth.Scopes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gateway over HTTP, routing by a small test template to {@link StubHandler}: no database. */
class LocalGatewayTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
  private static LocalGateway gateway;

  @BeforeAll
  static void start() throws IOException {
    gateway = LocalGateway.start(RouteTable.from(RouteTableTest.testTemplate()), new FunctionInstances(),
        AuthorizerContext.trusted("tenant-a", Scopes.ALL), "127.0.0.1", 0, new PrintStream(LOG, true, StandardCharsets.UTF_8));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void aRoutedRequestReachesItsFunctionWithTheProxyEventAndALambdaContext() throws Exception {
    var response = send("GET", "/stub/items/a%20b?tag=x&tag=y", null);
    assertEquals(200, response.statusCode());
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
    JsonNode echo = JSON.readTree(response.body());
    assertEquals("ItemFunction", echo.get("function").asText());
    assertEquals("/stub/items/{item_id}", echo.get("resource").asText());
    assertEquals("/stub/items/a b", echo.get("path").asText());
    assertEquals("a b", echo.at("/path_parameters/item_id").asText());
    assertEquals("[\"x\",\"y\"]", echo.at("/query/tag").toString());
    assertEquals("tenant-a", echo.get("tenant").asText(), "the authorizer context reaches the function");
    assertEquals("test", echo.get("stage").asText());
    assertEquals(echo.get("request_id").asText(), echo.get("event_request_id").asText());
    assertTrue(echo.get("remaining_ms").asInt() > 20_000 && echo.get("remaining_ms").asInt() <= 29_000);
    assertEquals(echo.get("request_id").asText(), response.headers().firstValue("x-amzn-RequestId").orElseThrow());
  }

  @Test
  void aLiteralRouteBeatsAParameterRoute() throws Exception {
    JsonNode echo = JSON.readTree(send("GET", "/stub/items/special", null).body());
    assertEquals("SpecialItemFunction", echo.get("function").asText());
  }

  @Test
  void theBodyArrivesAsTextOrBase64WhenItIsNotUtf8() throws Exception {
    JsonNode text = JSON.readTree(send("POST", "/stub/items", "{\"name\":\"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8)).body());
    assertEquals("EchoFunction", text.get("function").asText());
    assertEquals("{\"name\":\"caf\u00e9\"}", text.get("body").asText());
    assertFalse(text.get("base64").asBoolean());

    JsonNode binary = JSON.readTree(send("PUT", "/stub/items/1", new byte[] {(byte) 0xff, 0, 1}).body());
    assertTrue(binary.get("base64").asBoolean());
    assertEquals("/wAB", binary.get("body").asText());
  }

  @Test
  void aBase64ResponseIsDecodedAndMultiValueHeadersAreWritten() throws Exception {
    var response = CLIENT.send(request("GET", "/stub/binary", null), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, response.statusCode());
    assertArrayEquals(StubHandler.BINARY, response.body());
    assertEquals(List.of("a", "b"), response.headers().allValues("X-Multi"));
    assertEquals("one", response.headers().firstValue("X-Single").orElseThrow());
    assertEquals("application/octet-stream", response.headers().firstValue("Content-Type").orElseThrow());
  }

  @Test
  void anUnknownRouteIsA404Problem() throws Exception {
    var response = send("GET", "/stub/nothing-here", null);
    assertProblem(response, 404, "not_found");
    JsonNode problem = JSON.readTree(response.body());
    assertEquals("https://csat.dev/problems/not_found", problem.get("type").asText());
    assertEquals("Not Found", problem.get("title").asText());
    assertEquals("/stub/nothing-here", problem.get("instance").asText());
    assertFalse(problem.get("detail").asText().isBlank());
  }

  @Test
  void aKnownPathWithAnotherMethodIsA405ProblemWithAllow() throws Exception {
    var response = send("DELETE", "/stub/items/1", null);
    assertProblem(response, 405, "bad_request");
    assertEquals("GET, PUT", response.headers().firstValue("Allow").orElseThrow());
  }

  @Test
  void aBodyOverTenMegabytesIsA413Problem() throws Exception {
    var response = send("POST", "/stub/items", new byte[LocalGateway.MAX_BODY_BYTES + 1]);
    assertProblem(response, 413, "content_too_large");

    var atTheLimit = send("POST", "/stub/items", "x".repeat(LocalGateway.MAX_BODY_BYTES).getBytes(StandardCharsets.UTF_8));
    assertEquals(200, atTheLimit.statusCode());
  }

  @Test
  void aThrowingFunctionIsA502ProblemAndItsStackTraceGoesToTheLog() throws Exception {
    var response = send("GET", "/stub/fail", null);
    assertProblem(response, 502, "internal");
    assertFalse(response.body().contains("on purpose"), "the cause stays in the log");
    String log = LOG.toString(StandardCharsets.UTF_8);
    assertTrue(log.contains("FailFunction failed") && log.contains("IllegalStateException: the stub fails on purpose")
        && log.contains("at dev.csat.local.gateway.StubHandler"), log);
  }

  @Test
  void everyRequestLogsOneLineWithMethodPathStatusAndDuration() throws Exception {
    send("GET", "/stub/items/special?x=1", null);
    assertTrue(LOG.toString(StandardCharsets.UTF_8).lines()
        .anyMatch(line -> line.matches("\\[gateway] GET /stub/items/special 200 \\d+ ms SpecialItemFunction")), LOG.toString(StandardCharsets.UTF_8));
  }

  @Test
  void concurrentFirstCallsCreateOneHandlerPerFunction() throws Exception {
    var log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    try (var fresh = LocalGateway.start(RouteTable.from(RouteTableTest.testTemplate()), new FunctionInstances(),
            AuthorizerContext.trusted("t", Scopes.ALL), "127.0.0.1", 0, log);
        ExecutorService pool = Executors.newFixedThreadPool(8)) {
      int before = StubHandler.CREATED.get();
      List<Callable<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        String path = i % 2 == 0 ? "/stub/items/" + i : "/stub/items/special";
        calls.add(() -> CLIENT.send(HttpRequest.newBuilder(URI.create(fresh.endpoint() + path)).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode());
      }
      for (Future<Integer> status : pool.invokeAll(calls)) {
        assertEquals(200, status.get());
      }
      assertEquals(2, StubHandler.CREATED.get() - before, "ItemFunction and SpecialItemFunction, once each");
    }
  }

  private static void assertProblem(HttpResponse<String> response, int status, String code) throws IOException {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
    JsonNode problem = JSON.readTree(response.body());
    assertEquals(status, problem.get("status").asInt());
    assertEquals(code, problem.get("code").asText());
    assertFalse(problem.get("request_id").asText().isBlank());
    assertEquals(problem.get("request_id").asText(), response.headers().firstValue("x-request-id").orElseThrow());
  }

  private static HttpResponse<String> send(String method, String pathAndQuery, byte[] body) throws Exception {
    return CLIENT.send(request(method, pathAndQuery, body), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest request(String method, String pathAndQuery, byte[] body) {
    return HttpRequest.newBuilder(URI.create(gateway.endpoint() + pathAndQuery))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }
}
