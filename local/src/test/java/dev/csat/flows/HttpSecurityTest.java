package dev.csat.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.csat.Config;
import dev.csat.auth.Scopes;
import dev.csat.local.auth.DevTokens;
import dev.csat.local.gateway.AuthorizerContext;
import dev.csat.local.gateway.FunctionInstances;
import dev.csat.local.gateway.LocalGateway;
import dev.csat.local.gateway.RouteTable;
import dev.csat.local.gateway.SamTemplate;
import dev.csat.local.gateway.UsagePlanLimits;
import dev.csat.testing.Events;
import dev.csat.testing.LocalStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The security model over HTTP, as a caller on the internet meets it: the local gateway routing
 * by template.yaml, with the real {@code AuthorizerHandler} (JWTs and API keys) in front of the
 * real handlers, on the database of {@link LocalStack#configureDefaultApp()}. Every response is
 * checked against {@code openapi.yaml}.
 *
 * <p><b>The JWT key set is per JVM.</b> The authorizer's verifier ({@code App.get().jwtVerifier()})
 * reads {@code CSAT_JWT_KEYS} once, at its first use, and keeps it for the life of the JVM, which
 * the test classes share. So this class sets the system property to {@link #TEST_KEYS} only when
 * nothing set it before, and always signs with whatever key set is in force (the first kid of
 * {@code CSAT_JWT_KEYS} as {@link Config} reads it, as the verifier does). Another test class
 * that runs the real authorizer must do the same, set the property only if it is absent, and
 * never change or clear it afterwards; otherwise tokens and verifier disagree and every JWT case
 * here fails with 401.
 */
class HttpSecurityTest {
  /** The fixed key set of the tests (the secret is 41 bytes: HS256 wants 32 at least). */
  static final String TEST_KEYS = "{\"http-security-test\":\"http-security-test-secret-0123456789abcd\"}";

  private static final String BASE = "/api/csat/v1";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final String TENANT = "sec-" + UUID.randomUUID();
  private static final String USER = "user@example.com";
  /** The usage plan for API keys, small enough to reach: no refill to speak of during a test. */
  private static final UsagePlanLimits API_KEY_PLAN = new UsagePlanLimits(0.001, 8, 1_000_000);

  private static OpenApiInteractionValidator contract;
  private static String kid;
  private static byte[] secret;
  private static LocalGateway gateway;
  private static String admin;

  @BeforeAll
  static void start() throws Exception {
    // Before anything can build the JWT verifier: see the class comment.
    if (Config.get("CSAT_JWT_KEYS", null) == null) {
      System.setProperty("CSAT_JWT_KEYS", TEST_KEYS);
    }
    var keys = JSON.readTree(Config.get("CSAT_JWT_KEYS", null)).properties().iterator().next();
    kid = keys.getKey();
    secret = keys.getValue().asText().getBytes(StandardCharsets.UTF_8);

    LocalStack.configureDefaultApp();
    contract = OpenApiInteractionValidator
        .createForInlineApiSpecification(Files.readString(Events.repoRoot().resolve("openapi.yaml")))
        .build();
    var routes = RouteTable.from(SamTemplate.load(Events.repoRoot().resolve("template.yaml"))).withApiKeyPlan(API_KEY_PLAN);
    gateway = LocalGateway.start(routes,
        AuthorizerContext.lambda(new FunctionInstances(), "AuthorizerFunction", "dev.csat.auth.AuthorizerHandler"),
        "127.0.0.1", 0);

    admin = token(TENANT, Scopes.ALL, null, Duration.ofHours(1), Instant.now());
    expect(201, send("POST", "/products", "{\"key\":\"sec-app\",\"name\":\"Security App\"}", bearer(admin)));
    expect(201, send("POST", "/products/sec-app/features",
        "{\"feature_key\":\"dashboard\",\"interaction_threshold\":5,\"rejection_threshold\":3}", bearer(admin)));
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  @Test
  void noCredentialIsA401Problem() throws Exception {
    problem(401, "unauthorized", send("GET", "/products", null));
    problem(401, "unauthorized", send("POST", "/products", "{\"key\":\"x\",\"name\":\"X\"}"));
  }

  @Test
  void aCredentialThatIsNotOneIsA401Problem() throws Exception {
    problem(401, "unauthorized", send("GET", "/products", null, "Authorization", "Bearer garbage"));
    problem(401, "unauthorized", send("GET", "/products", null, "Authorization", "Bearer a.b.c"));
    problem(401, "unauthorized", send("GET", "/products", null, "Authorization", "Basic dXNlcjpwYXNzd29yZA=="));
    problem(401, "unauthorized", send("GET", "/products", null, "X-API-Key", "not-an-api-key"));
    String forged = DevTokens.mint(kid, "a-different-secret-that-is-long-enough-0123".getBytes(StandardCharsets.UTF_8),
        "mallory", TENANT, Scopes.ALL, null, Duration.ofHours(1), Instant.now());
    problem(401, "unauthorized", send("GET", "/products", null, bearer(forged)));
    String unknownKid = DevTokens.mint("no-such-kid", secret, "mallory", TENANT, Scopes.ALL, null, Duration.ofHours(1),
        Instant.now());
    problem(401, "unauthorized", send("GET", "/products", null, bearer(unknownKid)));
  }

  @Test
  void anExpiredTokenIsA401Problem() throws Exception {
    String expired = token(TENANT, Scopes.ALL, null, Duration.ofHours(1), Instant.now().minus(Duration.ofHours(3)));
    problem(401, "unauthorized", send("GET", "/products", null, bearer(expired)));
  }

  @Test
  void aValidTokenWithoutTheOperationsScopeIsA403Problem() throws Exception {
    String reader = token(TENANT, Set.of(Scopes.FEEDBACK_READ), null, Duration.ofMinutes(5), Instant.now());
    problem(403, "forbidden", send("GET", "/products", null, bearer(reader)));
    problem(403, "forbidden", send("POST", "/products", "{\"key\":\"nope\",\"name\":\"Nope\"}", bearer(reader)));
    JsonNode products = expect(200, send("GET", "/products", null, bearer(admin)));
    assertFalse(products.toString().contains("\"nope\""), "the refused write did not happen");
  }

  @Test
  void aValidTokenWithTheScopeIsServedForItsOwnTenantOnly() throws Exception {
    String configReader = token(TENANT, Set.of(Scopes.CONFIG_READ), null, Duration.ofMinutes(5), Instant.now());
    JsonNode products = expect(200, send("GET", "/products", null, bearer(configReader)));
    assertEquals("sec-app", products.path("data").get(0).path("key").asText(), products::toString);

    String otherTenant = token("other-" + UUID.randomUUID(), Set.of(Scopes.CONFIG_READ), null, Duration.ofMinutes(5),
        Instant.now());
    JsonNode theirs = expect(200, send("GET", "/products", null, bearer(otherTenant)));
    assertEquals(0, theirs.path("data").size(), theirs::toString);
  }

  @Test
  void anEndUserTokenActsOnlyForItsOwnEmail() throws Exception {
    String user = token(TENANT, Set.of(Scopes.INTERACTIONS_WRITE), USER, Duration.ofMinutes(5), Instant.now());
    String path = "/products/sec-app/features/dashboard/increment";
    problem(403, "forbidden", send("POST", path, "{\"user_email\":\"someone.else@example.com\"}", bearer(user)));
    expect(200, send("POST", path, "{\"user_email\":\"" + USER + "\"}", bearer(user)));
  }

  @Test
  void anApiKeyWorksAsBearerAndAsXApiKeyUntilRevoked() throws Exception {
    JsonNode created = expect(201, send("POST", "/api-keys", "{\"name\":\"ci\",\"scopes\":[\"config:read\"]}", bearer(admin)));
    String key = created.path("key").asText();
    String id = created.path("id").asText();
    assertTrue(key.startsWith("csk_"), created::toString);

    JsonNode viaBearer = expect(200, send("GET", "/products", null, "Authorization", "Bearer " + key));
    assertEquals("sec-app", viaBearer.path("data").get(0).path("key").asText());
    expect(200, send("GET", "/products", null, "X-API-Key", key));
    // The key's scopes, not its creator's: no catalog:write, no keys:manage.
    problem(403, "forbidden", send("POST", "/products", "{\"key\":\"by-key\",\"name\":\"By Key\"}", "X-API-Key", key));
    problem(403, "forbidden", send("GET", "/api-keys", null, "X-API-Key", key));

    assertEquals(204, send("DELETE", "/api-keys/" + id, null, bearer(admin)).statusCode());
    problem(401, "unauthorized", send("GET", "/products", null, "Authorization", "Bearer " + key));
    problem(401, "unauthorized", send("GET", "/products", null, "X-API-Key", key));
  }

  @Test
  void eachApiKeyHasItsOwnRateLimitWhileTokensShareThePlanWithoutOne() throws Exception {
    String first = expect(201, send("POST", "/api-keys", "{\"name\":\"busy\",\"scopes\":[\"config:read\"]}",
        bearer(admin))).path("key").asText();
    String second = expect(201, send("POST", "/api-keys", "{\"name\":\"calm\",\"scopes\":[\"config:read\"]}",
        bearer(admin))).path("key").asText();
    for (int i = 0; i < API_KEY_PLAN.burst(); i++) {
      expect(200, send("GET", "/products", null, "X-API-Key", first));
    }

    var refused = send("GET", "/products", null, "X-API-Key", first);
    problem(429, "rate_limited", refused);
    assertEquals("1", refused.headers().firstValue("Retry-After").orElse(""), refused::toString);
    expect(200, send("GET", "/products", null, "Authorization", "Bearer " + second));
    for (int i = 0; i <= API_KEY_PLAN.burst(); i++) {
      expect(200, send("GET", "/products", null, bearer(admin)));
    }
  }

  @Test
  void aJwtAndAnApiKeyAtOnceIsA401Problem() throws Exception {
    JsonNode created = expect(201, send("POST", "/api-keys", "{\"name\":\"both\",\"scopes\":[\"config:read\"]}", bearer(admin)));
    String key = created.path("key").asText();
    expect(200, send("GET", "/products", null, "X-API-Key", key));
    problem(401, "unauthorized", send("GET", "/products", null, "Authorization", "Bearer " + admin, "X-API-Key", key));
  }

  private static String token(String tenant, Set<String> scopes, String email, Duration ttl, Instant now) {
    return DevTokens.mint(kid, secret, email == null ? "http-security-test" : email, tenant, new TreeSet<>(scopes),
        email, ttl, now);
  }

  private static String[] bearer(String token) {
    return new String[] {"Authorization", "Bearer " + token};
  }

  /** {@code headers}: name, value, name, value... */
  private static HttpResponse<String> send(String method, String pathAndQuery, String body, String... headers)
      throws Exception {
    var request = HttpRequest.newBuilder(URI.create(gateway.endpoint() + BASE + pathAndQuery))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    // Every answer, the gateway's 401s included, must be one the contract documents.
    String path = BASE + pathAndQuery.split("\\?")[0];
    var report = contract.validateResponse(path, Request.Method.valueOf(method), new SimpleResponse.Builder(response.statusCode())
        .withContentType(response.headers().firstValue("Content-Type").orElse(null))
        .withBody(response.body())
        .build());
    assertFalse(report.hasErrors(), () -> method + " " + path + " " + response.statusCode() + " breaks openapi.yaml:\n"
        + report.getMessages());
    return response;
  }

  private static JsonNode expect(int status, HttpResponse<String> response) throws Exception {
    assertEquals(status, response.statusCode(), () -> response.request().method() + " " + response.request().uri()
        + ": " + response.body());
    return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
  }

  private static void problem(int status, String code, HttpResponse<String> response) throws Exception {
    JsonNode problem = expect(status, response);
    assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""), response::toString);
    assertEquals(status, problem.path("status").asInt(), problem::toString);
    assertEquals(code, problem.path("code").asText(), problem::toString);
    assertFalse(problem.path("request_id").asText().isBlank(), problem::toString);
  }
}
