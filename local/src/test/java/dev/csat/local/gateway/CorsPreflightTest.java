package dev.csat.local.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.csat.http.Cors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CORS at the local gateway, as API Gateway does it: the gateway answers a preflight itself
 * (the options mock integrations of openapi.yaml), before routing, without the authorizer or a
 * function; its own errors echo the Origin while CORS is on; function responses pass unchanged.
 */
class CorsPreflightTest {
  private static final String APP = "https://app.example.com";
  private static final String EVIL = "https://evil.example.com";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final AtomicInteger AUTHORIZER_CALLS = new AtomicInteger();
  private static final FunctionInstances FUNCTIONS = new FunctionInstances();
  private static LocalGateway withCors;
  private static LocalGateway withoutCors;

  @BeforeAll
  static void start() throws IOException {
    AuthorizerContext counting = (event, route) -> {
      AUTHORIZER_CALLS.incrementAndGet();
      Map<String, Object> context = new LinkedHashMap<>();
      context.put("tenant", "tenant-a");
      context.put("principal", "counting");
      context.put("scopes", "config:read");
      return new AuthorizerContext.Authorization(context, null);
    };
    var log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    withCors = LocalGateway.start(RouteTable.from(RouteTableTest.testTemplate()), FUNCTIONS, counting,
        Cors.of(APP + ",http://localhost:5173"), "127.0.0.1", 0, log);
    withoutCors = LocalGateway.start(RouteTable.from(RouteTableTest.testTemplate()), new FunctionInstances(), counting,
        Cors.none(), "127.0.0.1", 0, log);
  }

  @AfterAll
  static void stop() {
    withCors.close();
    withoutCors.close();
  }

  @Test
  void anAllowedOriginsPreflightIsAnswered204WithTheCorsHeadersAndNoAuthorizerOrFunction() throws Exception {
    int authorizerCalls = AUTHORIZER_CALLS.get();
    int handlers = StubHandler.CREATED.get();
    var response = send(withCors, "OPTIONS", "/stub/items/42", Map.of("Origin", APP,
        "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "authorization,content-type"));
    assertEquals(204, response.statusCode());
    assertEquals(APP, header(response, "Access-Control-Allow-Origin"));
    assertEquals("GET, PUT, OPTIONS", header(response, "Access-Control-Allow-Methods"));
    assertEquals("Authorization, Content-Type, Idempotency-Key, X-API-Key", header(response, "Access-Control-Allow-Headers"));
    assertEquals("600", header(response, "Access-Control-Max-Age"));
    assertEquals("Origin", header(response, "Vary"));
    assertEquals("", response.body());
    assertEquals(authorizerCalls, AUTHORIZER_CALLS.get(), "a preflight carries no credential: the authorizer must not run");
    assertEquals(handlers, StubHandler.CREATED.get(), "no function answers a preflight");
  }

  @Test
  void anotherOriginsPreflightGetsNoAllowOrigin() throws Exception {
    int authorizerCalls = AUTHORIZER_CALLS.get();
    for (var origin : new String[] {EVIL, "null", "http://app.example.com"}) {
      var response = send(withCors, "OPTIONS", "/stub/items", Map.of("Origin", origin, "Access-Control-Request-Method", "POST"));
      assertEquals(204, response.statusCode(), origin);
      assertTrue(response.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), origin);
      assertEquals("Origin", header(response, "Vary"));
    }
    var disabled = send(withoutCors, "OPTIONS", "/stub/items/1", Map.of("Origin", APP, "Access-Control-Request-Method", "GET"));
    assertEquals(204, disabled.statusCode());
    assertTrue(disabled.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), "no origin is allowed by default");
    assertEquals(authorizerCalls, AUTHORIZER_CALLS.get());
  }

  @Test
  void anUnknownPathsPreflightIsThe404OfAnyUnknownRoute() throws Exception {
    var response = send(withCors, "OPTIONS", "/stub/nothing-here", Map.of("Origin", APP));
    assertEquals(404, response.statusCode());
    assertEquals("not_found", JSON.readTree(response.body()).get("code").asText());
  }

  @Test
  void gatewayErrorsEchoTheOriginWhileCorsIsOnAsApiGatewaysGatewayResponsesDo() throws Exception {
    for (var origin : new String[] {APP, EVIL}) {
      var notFound = send(withCors, "GET", "/stub/nothing-here", Map.of("Origin", origin));
      assertEquals(404, notFound.statusCode());
      assertEquals(origin, header(notFound, "Access-Control-Allow-Origin"), "gateway responses can only copy the Origin");
      assertEquals("x-request-id, Retry-After, X-Next-Cursor", header(notFound, "Access-Control-Expose-Headers"));
    }
    var off = send(withoutCors, "GET", "/stub/nothing-here", Map.of("Origin", APP));
    assertEquals(404, off.statusCode());
    assertTrue(off.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), "CORS off: no gateway error is readable");
  }

  @Test
  void functionResponsesPassUnchangedTheirCorsHeadersAreTheFunctionsOwn() throws Exception {
    int authorizerCalls = AUTHORIZER_CALLS.get();
    var response = send(withCors, "GET", "/stub/items/7", Map.of("Origin", APP));
    assertEquals(200, response.statusCode());
    assertEquals("ItemFunction", JSON.readTree(response.body()).get("function").asText());
    assertTrue(response.headers().firstValue("Access-Control-Allow-Origin").isEmpty(),
        "the stub function sets no CORS header and the gateway adds none to a function's response");
    assertEquals(authorizerCalls + 1, AUTHORIZER_CALLS.get(), "an actual request is authorized");
  }

  private static String header(HttpResponse<String> response, String name) {
    return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + ": " + response.headers()));
  }

  private static HttpResponse<String> send(LocalGateway gateway, String method, String path, Map<String, String> headers)
      throws Exception {
    var request = HttpRequest.newBuilder(URI.create(gateway.endpoint() + path))
        .method(method, HttpRequest.BodyPublishers.noBody());
    headers.forEach(request::header);
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
