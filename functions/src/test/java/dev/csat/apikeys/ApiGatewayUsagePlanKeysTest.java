package dev.csat.apikeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.csat.core.UnavailableException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;

/**
 * The calls the meters make, against a stand-in for API Gateway's REST API that answers as the
 * service does and records every request: what the SDK really sends, not what a mock expects.
 */
class ApiGatewayUsagePlanKeysTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final UUID KEY = UUID.fromString("019a1b2c-3d4e-7f00-8a00-0123456789ab");

  record Call(String method, String path, JsonNode body) {}

  private final List<Call> calls = new CopyOnWriteArrayList<>();
  /** Path to the status and body the stand-in answers with, instead of success. */
  private final Map<String, int[]> failures = new java.util.concurrent.ConcurrentHashMap<>();
  private HttpServer server;
  private ApiGatewayClient client;
  private ApiGatewayUsagePlanKeys meters;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::answer);
    server.start();
    client = ApiGatewayClient.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
        .region(Region.EU_WEST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .overrideConfiguration(config -> config.retryPolicy(RetryPolicy.none()))
        .build();
    meters = new ApiGatewayUsagePlanKeys(() -> client, "csat-prod-api-keys", "prod");
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop(0);
  }

  @Test
  void addCreatesATaggedKeyWithTheDerivedValueAndPutsItInThePlanFoundByName() {
    assertEquals("gwkey1", meters.add(KEY));

    assertEquals(List.of("GET /usageplans", "POST /apikeys", "POST /usageplans/plan2/keys"), routes());
    JsonNode created = calls.get(1).body();
    assertEquals(UsagePlanKeys.valueFor(KEY), created.path("value").asText());
    assertEquals("csat-prod-" + KEY, created.path("name").asText());
    assertTrue(created.path("enabled").asBoolean());
    assertEquals("prod", created.path("tags").path(ApiGatewayUsagePlanKeys.STACK_TAG).asText());
    JsonNode planKey = calls.get(2).body();
    assertEquals("gwkey1", planKey.path("keyId").asText());
    assertEquals("API_KEY", planKey.path("keyType").asText());
  }

  @Test
  void thePlanIsLookedUpOncePerEnvironment() {
    meters.add(KEY);
    meters.add(UUID.fromString("019a1b2c-3d4e-7f00-8a00-0123456789ac"));

    assertEquals(1, routes().stream().filter(route -> route.equals("GET /usageplans")).count());
  }

  @Test
  void aKeyThatCannotJoinThePlanIsDeletedAgain() {
    failures.put("POST /usageplans/plan2/keys", new int[] {400});

    assertThrows(RuntimeException.class, () -> meters.add(KEY));
    assertEquals(List.of("GET /usageplans", "POST /apikeys", "POST /usageplans/plan2/keys", "DELETE /apikeys/gwkey1"), routes());
  }

  @Test
  void removeDeletesTheKeyAndAKeyAlreadyGoneIsFine() {
    meters.remove("gwkey9");
    failures.put("DELETE /apikeys/gwkey8", new int[] {404});
    meters.remove("gwkey8");

    assertEquals(List.of("DELETE /apikeys/gwkey9", "DELETE /apikeys/gwkey8"), routes());
  }

  @Test
  void aThrottledControlPlaneIsA503TheCallerMayRetry() {
    failures.put("POST /apikeys", new int[] {429});

    var e = assertThrows(UnavailableException.class, () -> meters.add(KEY));
    assertTrue(e.retryAfter().toSeconds() > 0);
  }

  @Test
  void aMissingPlanIsAnErrorNotA503() {
    var unknown = new ApiGatewayUsagePlanKeys(() -> client, "no-such-plan", "prod");

    var e = assertThrows(IllegalStateException.class, () -> unknown.add(KEY));
    assertTrue(e.getMessage().contains("no-such-plan"), e.getMessage());
  }

  private List<String> routes() {
    return calls.stream().map(call -> call.method() + " " + call.path()).toList();
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      byte[] received = exchange.getRequestBody().readAllBytes();
      calls.add(new Call(method, path, received.length == 0 ? JSON.nullNode() : JSON.readTree(received)));
      int[] failure = failures.get(method + " " + path);
      if (failure != null) {
        String type = switch (failure[0]) {
          case 404 -> "NotFoundException";
          case 429 -> "TooManyRequestsException";
          default -> "BadRequestException";
        };
        exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
        send(exchange, failure[0], "{\"message\":\"" + type + "\"}");
        return;
      }
      switch (method + " " + path) {
        case "GET /usageplans" -> send(exchange, 200,
            "{\"item\":[{\"id\":\"plan1\",\"name\":\"csat-other-api-keys\"},{\"id\":\"plan2\",\"name\":\"csat-prod-api-keys\"}]}");
        case "POST /apikeys" -> send(exchange, 201, "{\"id\":\"gwkey" + calls.stream()
            .filter(call -> call.path().equals("/apikeys")).count() + "\",\"enabled\":true}");
        case "POST /usageplans/plan2/keys" -> send(exchange, 201, "{\"id\":\"gwkey1\",\"type\":\"API_KEY\"}");
        default -> {
          if (method.equals("DELETE")) {
            exchange.sendResponseHeaders(202, -1);
          } else {
            send(exchange, 500, "{}");
          }
        }
      }
    }
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
