package dev.csat.auth;

import static dev.csat.auth.TestJwts.NOW_SECONDS;
import static dev.csat.auth.TestJwts.claims;
import static dev.csat.auth.TestJwts.token;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuthorizerHandlerTest {
  private static final String METHOD_ARN =
      "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/live/POST/products/app/features/export/increment";
  private static final String STAGE_WILDCARD = "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/live/*/*";
  private static final String API_KEY = "csk_live_0123456789abcdef";
  private static final String OLD_API_KEY = "csk_live_created_before_meters";
  private static final Caller KEY_HOLDER = new Caller("acme", "key-7f3a", Set.of(Scopes.INTERACTIONS_WRITE), null);
  private static final String KEY_METER = "csatkey0123456789abcdef0123456789abcdef";
  private static final String CALLERS_METER = "csatcallers0123456789abcdef0123456789ab";

  private final ApiKeyVerifier apiKeys = key -> switch (key) {
    case API_KEY -> Optional.of(new VerifiedCredential(KEY_HOLDER, KEY_METER));
    case OLD_API_KEY -> Optional.of(new VerifiedCredential(KEY_HOLDER, null));
    default -> Optional.empty();
  };
  private final AuthorizerHandler handler = new AuthorizerHandler(TestJwts.verifier(), apiKeys, CALLERS_METER);

  @Test
  void allowsAValidJwtOnEveryRouteOfTheStage() {
    IamPolicyResponseV1 policy = handler.handleRequest(event(Map.of("Authorization", "Bearer " + token(claims()))), new FakeContext());

    assertEquals("svc-reporting", policy.getPrincipalId());
    Map<String, Object> document = policy.getPolicyDocument();
    assertEquals("2012-10-17", document.get("Version"));
    @SuppressWarnings("unchecked")
    Map<String, Object>[] statements = (Map<String, Object>[]) document.get("Statement");
    assertEquals(1, statements.length);
    assertEquals("Allow", statements[0].get("Effect"));
    assertEquals("execute-api:Invoke", statements[0].get("Action"));
    assertArrayEquals(new String[] {STAGE_WILDCARD}, (String[]) statements[0].get("Resource"));
    assertEquals(Map.of("tenant", "acme", "principal", "svc-reporting", "scopes", "feedback:read interactions:write"),
        policy.getContext());
    assertEquals(CALLERS_METER, policy.getUsageIdentifierKey(), "tokens run under the callers' usage plan");
  }

  @Test
  void anEndUserTokenAddsItsEmailToTheContext() {
    var claims = claims();
    claims.put("email", "Ana@Example.com");

    IamPolicyResponseV1 policy = handler.handleRequest(event(Map.of("authorization", "Bearer " + token(claims))), new FakeContext());

    assertEquals("ana@example.com", policy.getContext().get("email"));
    assertEquals(4, policy.getContext().size());
  }

  @Test
  void aTokenWithoutScopesHasAnEmptyScopeList() {
    var claims = claims();
    claims.remove("scope");

    IamPolicyResponseV1 policy = handler.handleRequest(event(Map.of("Authorization", "Bearer " + token(claims))), new FakeContext());

    assertEquals("", policy.getContext().get("scopes"));
  }

  @Test
  void contextValuesAreAllStrings() {
    var claims = claims();
    claims.put("email", "ana@example.com");

    handler.handleRequest(event(Map.of("Authorization", "Bearer " + token(claims))), new FakeContext())
        .getContext().values().forEach(value -> assertInstanceOf(String.class, value));
  }

  @Test
  void allowsAnApiKeyAsBearerOrInItsOwnHeader() {
    for (var headers : java.util.List.of(Map.of("Authorization", "Bearer " + API_KEY), Map.of("X-API-Key", API_KEY))) {
      IamPolicyResponseV1 policy = handler.handleRequest(event(headers), new FakeContext());

      assertEquals("key-7f3a", policy.getPrincipalId());
      assertEquals(Map.of("tenant", "acme", "principal", "key-7f3a", "scopes", "interactions:write"), policy.getContext());
      assertEquals(KEY_METER, policy.getUsageIdentifierKey(), "an API key is metered by its own usage plan key");
    }
  }

  @Test
  void anApiKeyWithoutAMeterRunsUnderTheCallersPlan() {
    var policy = handler.handleRequest(event(Map.of("X-API-Key", OLD_API_KEY)), new FakeContext());

    assertEquals("key-7f3a", policy.getPrincipalId());
    assertEquals(CALLERS_METER, policy.getUsageIdentifierKey());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unauthorized")
  void answers401(String name, Map<String, String> headers) {
    var e = assertThrows(RuntimeException.class, () -> handler.handleRequest(event(headers), new FakeContext()));

    assertEquals(RuntimeException.class, e.getClass());
    assertEquals("Unauthorized", e.getMessage());
  }

  static Stream<Arguments> unauthorized() {
    var expired = claims();
    expired.put("exp", NOW_SECONDS - 3600);
    var noTenant = claims();
    noTenant.remove("tenant");
    String valid = token(claims());
    String unsigned = TestJwts.b64("{\"alg\":\"none\",\"kid\":\"k1\"}") + "." + valid.split("\\.")[1] + ".";
    return Stream.of(
        Arguments.of("no credential", Map.of()),
        Arguments.of("no headers", null),
        Arguments.of("expired token", Map.of("Authorization", "Bearer " + token(expired))),
        Arguments.of("token without a tenant", Map.of("Authorization", "Bearer " + token(noTenant))),
        Arguments.of("alg none", Map.of("Authorization", "Bearer " + unsigned)),
        Arguments.of("tampered signature", Map.of("Authorization", "Bearer " + valid.substring(0, valid.length() - 2) + "AA")),
        Arguments.of("unknown API key", Map.of("X-API-Key", "csk_unknown")),
        Arguments.of("revoked API key as Bearer", Map.of("Authorization", "Bearer csk_revoked")),
        Arguments.of("a JWT and an API key", Map.of("Authorization", "Bearer " + valid, "X-API-Key", API_KEY)),
        Arguments.of("oversized header", Map.of("Authorization", "Bearer " + "a".repeat(9000))),
        Arguments.of("Basic credentials", Map.of("Authorization", "Basic " + java.util.Base64.getEncoder()
            .encodeToString("user:pass".getBytes(StandardCharsets.UTF_8)))));
  }

  @Test
  void anUnreachableKeyStoreIsNotA401() {
    ApiKeyVerifier down = key -> {
      throw new IllegalStateException("database unavailable");
    };
    var failing = new AuthorizerHandler(TestJwts.verifier(), down, CALLERS_METER);

    var e = assertThrows(IllegalStateException.class,
        () -> failing.handleRequest(event(Map.of("X-API-Key", API_KEY)), new FakeContext()));
    assertFalse(e.getMessage().contains("Unauthorized"));
  }

  @Test
  void aMalformedMethodArnIsNotA401() {
    var event = event(Map.of("X-API-Key", API_KEY));
    event.setMethodArn("arn:aws:lambda:eu-west-1:123456789012:function:x");

    assertThrows(IllegalArgumentException.class, () -> handler.handleRequest(event, new FakeContext()));
  }

  @Test
  void keepsThePartitionOfTheMethodArn() {
    assertEquals("arn:aws-cn:execute-api:cn-north-1:123456789012:api/prod/*/*",
        AllowPolicy.anyRouteOfStage("arn:aws-cn:execute-api:cn-north-1:123456789012:api/prod/GET/"));
  }

  private static APIGatewayCustomAuthorizerEvent event(Map<String, String> headers) {
    var event = new APIGatewayCustomAuthorizerEvent();
    event.setType("REQUEST");
    event.setMethodArn(METHOD_ARN);
    event.setHttpMethod("POST");
    event.setPath("/products/app/features/export/increment");
    event.setHeaders(headers == null ? null : new HashMap<>(headers));
    return event;
  }

  /** A Lambda context as the runtime would pass one: every field set. */
  private static final class FakeContext implements Context {
    @Override
    public String getAwsRequestId() {
      return "7d0a8f8e-0d1c-4a4b-9a57-2d1a6f1d3c11";
    }

    @Override
    public String getLogGroupName() {
      return "/aws/lambda/AuthorizerFunction";
    }

    @Override
    public String getLogStreamName() {
      return "2025/06/01/[$LATEST]0123456789abcdef";
    }

    @Override
    public String getFunctionName() {
      return "AuthorizerFunction";
    }

    @Override
    public String getFunctionVersion() {
      return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
      return "arn:aws:lambda:eu-west-1:123456789012:function:AuthorizerFunction:live";
    }

    @Override
    public CognitoIdentity getIdentity() {
      return null;
    }

    @Override
    public ClientContext getClientContext() {
      return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
      return 3000;
    }

    @Override
    public int getMemoryLimitInMB() {
      return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
      return new LambdaLogger() {
        @Override
        public void log(String message) {
          System.out.print(message);
        }

        @Override
        public void log(byte[] message) {
          System.out.print(new String(message, StandardCharsets.UTF_8));
        }
      };
    }
  }
}
