package dev.csat.flows;

import static dev.csat.testing.Events.api;
import static dev.csat.testing.Responses.expect;
import static dev.csat.testing.Responses.expectProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.csat.App;
import dev.csat.apikeys.ApiKeyHandlers;
import dev.csat.apikeys.ApiKeySecret;
import dev.csat.apikeys.ApiKeyVerification;
import dev.csat.apikeys.UsagePlanKeys;
import dev.csat.auth.ApiKeyVerifier;
import dev.csat.auth.Caller;
import dev.csat.auth.Scopes;
import dev.csat.core.Limits;
import dev.csat.core.Uuid7;
import dev.csat.local.dataapi.LocalDataApi;
import dev.csat.testing.Events;
import dev.csat.testing.LocalStack;
import dev.csat.testing.MutableClock;
import dev.csat.testing.TestContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * API keys through the real path: handler → use case → RdsDataClient → local Data API →
 * PostgreSQL, and the authorizer's side of them through the {@link ApiKeyVerifier} over the same
 * database. Each test works in a tenant of its own.
 */
class ApiKeyFlowTest {
  private static final Instant START = Instant.parse("2026-03-05T14:40:00.000Z");
  private static final String ALL_SCOPES = String.join(" ", new TreeSet<>(Scopes.ALL));
  private static final LocalDataApi ENDPOINT = LocalStack.dataApiEndpoint();

  private static MutableClock clock;
  private static ApiKeyHandlers keys;
  private static ApiKeyVerifier verifier;

  @BeforeAll
  static void app() {
    clock = new MutableClock(START);
    App app = LocalStack.freshApp(clock);
    keys = ApiKeyHandlers.of(app);
    verifier = app.apiKeyVerifier();
  }

  @Test
  void aCreatedKeyVerifiesToItsTenantAndScopes() {
    JsonNode created = expect(201, keys.create().handleRequest(as("acme", ALL_SCOPES, api("create-api-key.json")), context()));
    String id = created.path("id").asText();
    String secret = created.path("key").asText();
    assertEquals(List.of("created_at", "id", "key", "name", "scopes"), fields(created));
    assertEquals(7, UUID.fromString(id).version());
    assertEquals("Web app prompts", created.path("name").asText());
    assertEquals(List.of("feedback:write", "interactions:write"), texts(created.path("scopes")));
    assertEquals(clock.instant(), Instant.parse(created.path("created_at").asText()));
    assertTrue(secret.matches("csk_" + id.replace("-", "") + "_[A-Za-z0-9_-]{43}"), secret);

    var verified = verifier.verify(secret).orElseThrow();
    Caller caller = verified.caller();
    assertEquals(UsagePlanKeys.valueFor(UUID.fromString(id)), verified.usageKey(), "metered by its own usage plan key");
    assertEquals("acme", caller.tenant());
    assertEquals(Set.of(Scopes.INTERACTIONS_WRITE, Scopes.FEEDBACK_WRITE), caller.scopes());
    assertEquals("apikey:" + id, caller.principal());
    assertNull(caller.email());
  }

  @Test
  void theListNeverShowsTheSecretNorItsHash() {
    String tenant = "list-tenant";
    JsonNode first = create(tenant, ALL_SCOPES, "{\"name\":\"first\",\"scopes\":[\"config:read\"]}");
    clock.advance(Duration.ofSeconds(1));
    JsonNode second = create(tenant, ALL_SCOPES, "{\"name\":\"second\",\"scopes\":[\"catalog:write\",\"config:read\"]}");

    APIGatewayProxyResponseEvent response = keys.list().handleRequest(as(tenant, ALL_SCOPES, api("list-api-keys.json")), context());
    JsonNode list = expect(200, response);
    assertEquals(List.of(second.path("id").asText(), first.path("id").asText()), texts(list.path("data"), "id"));
    for (JsonNode key : list.path("data")) {
      assertEquals(List.of("created_at", "id", "last_used_at", "name", "revoked_at", "scopes"), fields(key));
      assertTrue(key.path("last_used_at").isNull());
      assertTrue(key.path("revoked_at").isNull());
    }
    assertEquals(List.of("catalog:write", "config:read"), texts(list.path("data").get(0).path("scopes")));
    for (JsonNode created : List.of(first, second)) {
      String secretPart = created.path("key").asText().substring(37);
      assertFalse(response.getBody().contains(secretPart), "the list shows a secret");
      assertFalse(response.getBody().contains(sha256Hex(secretPart)), "the list shows a secret's hash");
      assertFalse(response.getBody().contains("csk_"), "the list shows a key");
    }
  }

  @Test
  void aTenantHoldsAtMostTheLimitOfUnrevokedKeys() {
    String tenant = "full-" + UUID.randomUUID();
    String last = null;
    for (int i = 0; i < Limits.MAX_ACTIVE_API_KEYS; i++) {
      last = create(tenant, ALL_SCOPES, "{\"name\":\"key " + i + "\",\"scopes\":[\"config:read\"]}").path("id").asText();
    }
    var event = as(tenant, ALL_SCOPES, api("create-api-key.json"));
    expectProblem(409, "conflict", keys.create().handleRequest(event, context()));
    assertEquals(Limits.MAX_ACTIVE_API_KEYS, list(tenant).size(), "nothing stored for the refused key");
    create("another-" + tenant, ALL_SCOPES, "{\"name\":\"theirs\",\"scopes\":[\"config:read\"]}");

    assertEquals(204, keys.revoke().handleRequest(revoke(tenant, last), context()).getStatusCode());
    create(tenant, ALL_SCOPES, "{\"name\":\"room again\",\"scopes\":[\"config:read\"]}");
  }

  @Test
  void aRevokedKeyStopsVerifyingAndRevokingTwiceIsFine() {
    String tenant = "revoke-tenant";
    JsonNode created = create(tenant, ALL_SCOPES, "{\"name\":\"ci\",\"scopes\":[\"config:read\"]}");
    String secret = created.path("key").asText();
    assertTrue(verifier.verify(secret).isPresent());

    APIGatewayProxyResponseEvent revoked = keys.revoke().handleRequest(revoke(tenant, created.path("id").asText()), context());
    assertEquals(204, revoked.getStatusCode(), revoked::getBody);
    assertNull(revoked.getBody());
    assertFalse(revoked.getHeaders().containsKey("Content-Type"));
    assertTrue(revoked.getHeaders().containsKey("x-request-id"));
    assertTrue(verifier.verify(secret).isEmpty());
    String revokedAt = only(list(tenant)).path("revoked_at").asText();
    assertEquals(clock.instant(), Instant.parse(revokedAt));

    clock.advance(Duration.ofMinutes(1));
    assertEquals(204, keys.revoke().handleRequest(revoke(tenant, created.path("id").asText()), context()).getStatusCode());
    assertEquals(revokedAt, only(list(tenant)).path("revoked_at").asText(), "the first revocation time stays");
    assertTrue(verifier.verify(secret).isEmpty());
  }

  @Test
  void anotherTenantCanNeitherListNorRevokeAKey() {
    JsonNode created = create("owner", ALL_SCOPES, "{\"name\":\"ci\",\"scopes\":[\"config:read\"]}");
    String id = created.path("id").asText();

    assertTrue(texts(list("intruder"), "id").isEmpty());
    expectProblem(404, "not_found", keys.revoke().handleRequest(revoke("intruder", id), context()));
    assertTrue(only(list("owner")).path("revoked_at").isNull());
    assertEquals("owner", verifier.verify(created.path("key").asText()).orElseThrow().caller().tenant());

    expectProblem(404, "not_found", keys.revoke().handleRequest(revoke("owner", Uuid7.at(clock.instant()).toString()), context()));
    expectProblem(404, "not_found", keys.revoke().handleRequest(as("owner", ALL_SCOPES, api("revoke-api-key.json")), context()));
    JsonNode invalid = expectProblem(400, "validation",
        keys.revoke().handleRequest(as("owner", ALL_SCOPES, api("revoke-api-key.invalid-id.json")), context()));
    assertEquals(List.of("id"), texts(invalid.path("invalid_params"), "name"));
  }

  @Test
  void tamperedMalformedAndUnknownKeysDoNotVerify() {
    JsonNode created = create("tamper", ALL_SCOPES, "{\"name\":\"ci\",\"scopes\":[\"config:read\"]}");
    String secret = created.path("key").asText();
    UUID id = UUID.fromString(created.path("id").asText());
    char middle = secret.charAt(50);
    List<String> refused = List.of(
        secret.substring(0, 50) + (middle == 'A' ? 'B' : 'A') + secret.substring(51),  // tampered secret
        ApiKeySecret.generate(id).token(),                                             // same id, other secret
        ApiKeySecret.generate(Uuid7.at(clock.instant())).token(),                      // unknown id
        "csx_" + secret.substring(4),
        "CSK_" + secret.substring(4),
        "sk_" + secret.substring(4),
        secret.substring(0, secret.length() - 1),
        secret + "A",
        "Bearer " + secret,
        secret.toUpperCase(),
        "");
    for (String presented : refused) {
      assertTrue(verifier.verify(presented).isEmpty(), () -> "verified " + presented);
    }
    assertTrue(verifier.verify(null).isEmpty());
    assertTrue(only(list("tamper")).path("last_used_at").isNull(), "a refused key is not a use");
    assertTrue(verifier.verify(secret).isPresent());
  }

  @Test
  void aCallerGrantsOnlyScopesItHolds() {
    String tenant = "limited";
    var limited = as(tenant, "keys:manage interactions:write", api("create-api-key.json"));
    limited.setBody("{\"name\":\"escalation\",\"scopes\":[\"interactions:write\",\"data:erase\"]}");
    JsonNode problem = expectProblem(403, "forbidden", keys.create().handleRequest(limited, context()));
    assertTrue(problem.path("detail").asText().contains("data:erase"), problem::toString);
    assertTrue(list(tenant).isEmpty());

    limited.setBody("{\"name\":\"fine\",\"scopes\":[\"interactions:write\"]}");
    expect(201, keys.create().handleRequest(limited, context()));

    var noManage = as(tenant, "interactions:write config:read", api("create-api-key.json"));
    noManage.setBody("{\"name\":\"x\",\"scopes\":[\"config:read\"]}");
    expectProblem(403, "forbidden", keys.create().handleRequest(noManage, context()));
    expectProblem(403, "forbidden", keys.list().handleRequest(as(tenant, "config:read", api("list-api-keys.json")), context()));
    assertEquals(1, list(tenant).size());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{}                                                             | name scopes",
      "{\"name\":\"\",\"scopes\":[\"config:read\"]}                   | name",
      "{\"name\":7,\"scopes\":[\"config:read\"]}                      | name",
      "{\"name\":null,\"scopes\":[\"config:read\"]}                   | name",
      "{\"name\":\"x\",\"scopes\":[]}                                 | scopes",
      "{\"name\":\"x\",\"scopes\":\"config:read\"}                    | scopes",
      "{\"name\":\"x\",\"scopes\":null}                               | scopes",
      "{\"name\":\"x\",\"scopes\":[\"config:read\",7]}                | scopes[1]",
      "{\"name\":\"x\",\"scopes\":[\"admin\",\"config:read\",\"Config:Read\"]} | scopes[0] scopes[2]",
      "{\"name\":\"x\",\"scopes\":[\"config:read\"],\"tenant\":\"evil\"} | tenant",
      "{\"name\":\"x\\u0000\",\"scopes\":[\"config:read\"]}           | name",
      "[\"config:read\"]                                              | body",
      "{\"name\":\"x\",\"scopes\":[\"config:read\"]                   | body"})
  void invalidBodiesAre400WithEveryInvalidParam(String body, String params) {
    String tenant = "invalid-bodies";
    var event = as(tenant, ALL_SCOPES, api("create-api-key.json"));
    event.setBody(body);
    JsonNode problem = expectProblem(400, "validation", keys.create().handleRequest(event, context()));
    assertEquals(List.of(params.split(" ")), texts(problem.path("invalid_params"), "name"), problem::toString);
    assertTrue(list(tenant).isEmpty(), "an invalid request created a key");
  }

  @Test
  void theEdgeCaseEventsAnswerAsTheyShow() {
    JsonNode problem = expectProblem(400, "validation",
        keys.create().handleRequest(as("events", ALL_SCOPES, api("create-api-key.unknown-scope.json")), context()));
    assertEquals(List.of("scopes[1]"), texts(problem.path("invalid_params"), "name"));
    var tooLong = as("events", ALL_SCOPES, api("create-api-key.json"));
    tooLong.setBody("{\"name\":\"" + "n".repeat(256) + "\",\"scopes\":[\"config:read\"]}");
    expectProblem(400, "validation", keys.create().handleRequest(tooLong, context()));
    assertTrue(list("events").isEmpty());
  }

  @Test
  void lastUseIsRecordedOnFirstUseAndNotRewrittenWithinFiveMinutes() {
    String tenant = "last-used";
    String secret = create(tenant, ALL_SCOPES, "{\"name\":\"ci\",\"scopes\":[\"config:read\"]}").path("key").asText();
    assertTrue(only(list(tenant)).path("last_used_at").isNull());

    clock.advance(Duration.ofSeconds(3));
    Instant firstUse = clock.instant();
    long before = ENDPOINT.totalCalls();
    assertTrue(verifier.verify(secret).isPresent());
    assertEquals(2, ENDPOINT.totalCalls() - before, "the first use: the lookup, then the last-use write");
    assertEquals(firstUse, Instant.parse(only(list(tenant)).path("last_used_at").asText()));

    clock.advance(Duration.ofSeconds(1));
    before = ENDPOINT.totalCalls();
    assertTrue(verifier.verify(secret).isPresent());
    assertEquals(1, ENDPOINT.totalCalls() - before, "an immediate second use: the lookup only");
    assertEquals(firstUse, Instant.parse(only(list(tenant)).path("last_used_at").asText()));

    clock.advance(ApiKeyVerification.LAST_USED_PRECISION);
    assertTrue(verifier.verify(secret).isPresent());
    assertEquals(clock.instant(), Instant.parse(only(list(tenant)).path("last_used_at").asText()));
  }

  @Test
  void everyAnswerIsOneTheContractDocuments() throws IOException {
    var contract = OpenApiInteractionValidator
        .createForInlineApiSpecification(Files.readString(Events.repoRoot().resolve("openapi.yaml")))
        .build();
    String tenant = "contract";
    var created = keys.create().handleRequest(as(tenant, ALL_SCOPES, api("create-api-key.json")), context());
    String id = expect(201, created).path("id").asText();
    var forbidden = as(tenant, "keys:manage", api("create-api-key.json"));
    List<Object[]> answers = List.of(
        new Object[] {Request.Method.POST, "/api/csat/v1/api-keys", created},
        new Object[] {Request.Method.POST, "/api/csat/v1/api-keys",
            keys.create().handleRequest(as(tenant, ALL_SCOPES, api("create-api-key.unknown-scope.json")), context())},
        new Object[] {Request.Method.POST, "/api/csat/v1/api-keys", keys.create().handleRequest(forbidden, context())},
        new Object[] {Request.Method.GET, "/api/csat/v1/api-keys",
            keys.list().handleRequest(as(tenant, ALL_SCOPES, api("list-api-keys.json")), context())},
        new Object[] {Request.Method.DELETE, "/api/csat/v1/api-keys/" + id,
            keys.revoke().handleRequest(revoke(tenant, id), context())},
        new Object[] {Request.Method.GET, "/api/csat/v1/api-keys",
            keys.list().handleRequest(as(tenant, ALL_SCOPES, api("list-api-keys.json")), context())},
        new Object[] {Request.Method.DELETE, "/api/csat/v1/api-keys/" + id,
            keys.revoke().handleRequest(revoke("elsewhere", id), context())},
        new Object[] {Request.Method.DELETE, "/api/csat/v1/api-keys/not-a-key-id",
            keys.revoke().handleRequest(as(tenant, ALL_SCOPES, api("revoke-api-key.invalid-id.json")), context())});
    List<Integer> statuses = new java.util.ArrayList<>();
    for (Object[] answer : answers) {
      var response = (APIGatewayProxyResponseEvent) answer[2];
      statuses.add(response.getStatusCode());
      var report = contract.validateResponse((String) answer[1], (Request.Method) answer[0],
          new SimpleResponse.Builder(response.getStatusCode())
              .withContentType(response.getHeaders().get("Content-Type"))
              .withBody(response.getBody())
              .build());
      assertFalse(report.hasErrors(), () -> answer[0] + " " + answer[1] + " " + response.getStatusCode()
          + " breaks openapi.yaml:\n" + report.getMessages());
    }
    assertEquals(List.of(201, 400, 403, 200, 204, 200, 404, 400), statuses);
  }

  private static JsonNode create(String tenant, String scopes, String body) {
    var event = as(tenant, scopes, api("create-api-key.json"));
    event.setBody(body);
    return expect(201, keys.create().handleRequest(event, context()));
  }

  private static JsonNode list(String tenant) {
    return expect(200, keys.list().handleRequest(as(tenant, ALL_SCOPES, api("list-api-keys.json")), context())).path("data");
  }

  private static APIGatewayProxyRequestEvent revoke(String tenant, String id) {
    var event = as(tenant, ALL_SCOPES, api("revoke-api-key.json"));
    event.setPathParameters(Map.of("id", id));
    event.setPath("/api/csat/v1/api-keys/" + id);
    return event;
  }

  /** The event as the authorizer passes it for a caller of this tenant with these scopes. */
  private static APIGatewayProxyRequestEvent as(String tenant, String scopes, APIGatewayProxyRequestEvent event) {
    Map<String, Object> authorizer = new HashMap<>(event.getRequestContext().getAuthorizer());
    authorizer.put("tenant", tenant);
    authorizer.put("scopes", scopes);
    event.getRequestContext().setAuthorizer(authorizer);
    return event;
  }

  private static JsonNode only(JsonNode array) {
    assertEquals(1, array.size(), array::toString);
    return array.get(0);
  }

  private static List<String> fields(JsonNode object) {
    return StreamSupport.stream(((Iterable<String>) object::fieldNames).spliterator(), false).sorted().toList();
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  private static List<String> texts(JsonNode array, String field) {
    return array.findValuesAsText(field);
  }

  private static String sha256Hex(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Context context() {
    return TestContext.of("ApiKeyFlowTest");
  }
}
