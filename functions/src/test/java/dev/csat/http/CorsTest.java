package dev.csat.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.csat.auth.Scopes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CORS policy, and the headers a handler's responses get from it. */
class CorsTest {
  private static final String APP = "https://app.example.com";
  private static final String DEV = "http://localhost:5173";
  private static final Cors POLICY = Cors.of(APP + "," + DEV);

  @Test
  void emptyConfigurationMeansNoCrossOriginAccess() {
    for (String none : new String[] {null, "", "  "}) {
      Cors cors = Cors.of(none);
      assertFalse(cors.enabled());
      assertFalse(cors.allows(APP));
      assertEquals(Map.of(), cors.responseHeaders(APP), "no CORS header at all, not even Vary");
    }
    assertFalse(Cors.none().enabled());
  }

  @Test
  void readsCommaSeparatedOriginsInOrder() {
    assertEquals(List.of(APP, DEV), List.copyOf(POLICY.origins()));
    assertEquals(List.of(APP, DEV), List.copyOf(Cors.of(" " + APP + " , " + DEV + " ").origins()), "spaces around entries");
    assertEquals(List.of(APP), List.copyOf(Cors.of(APP + "," + APP).origins()), "a repeat counts once");
  }

  @Test
  void onlyAnExactAllowedOriginIsAllowed() {
    assertTrue(POLICY.allows(APP));
    assertTrue(POLICY.allows(DEV));
    for (String other : new String[] {null, "", "null", "https://evil.example.com", "http://app.example.com",
        "https://app.example.com:443", "https://app.example.com/", "https://APP.example.com", "https://app.example.com.evil.com",
        "https://sub.app.example.com", "https://app.example.co", APP + "," + DEV, "*"}) {
      assertFalse(POLICY.allows(other), other);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"*", "null", "app.example.com", "https://app.example.com/", "https://app.example.com/x",
      "https://App.example.com", "ftp://app.example.com", "https://app.example.com,", ",https://app.example.com",
      "https://a.example.com,,https://b.example.com", "https://exa mple.com", "https://app.example.com:port",
      "https://-app.example.com"})
  void refusesWhatCouldNeverMatchAnOrigin(String value) {
    var failure = assertThrows(IllegalArgumentException.class, () -> Cors.of(value));
    assertTrue(failure.getMessage().startsWith(Cors.CONFIG + ": "), failure.getMessage());
  }

  @Test
  void anAllowedOriginIsEchoedWithExposedHeaders() {
    assertEquals(Map.of("Access-Control-Allow-Origin", APP, "Access-Control-Expose-Headers", "x-request-id, Retry-After, X-Next-Cursor",
        "Vary", "Origin"), POLICY.responseHeaders(APP));
  }

  @Test
  void anyOtherOriginGetsOnlyVary() {
    assertEquals(Map.of("Vary", "Origin"), POLICY.responseHeaders("https://evil.example.com"));
    assertEquals(Map.of("Vary", "Origin"), POLICY.responseHeaders(null), "no Origin: a same-origin or non-browser call");
  }

  @Test
  void preflightHeadersNameThePathsMethodsAndEchoOnlyAnAllowedOrigin() {
    Map<String, String> allowed = POLICY.preflightHeaders(DEV, List.of("post", "GET"));
    assertEquals(DEV, allowed.get("Access-Control-Allow-Origin"));
    assertEquals("GET, POST, OPTIONS", allowed.get("Access-Control-Allow-Methods"));
    assertEquals("Authorization, Content-Type, Idempotency-Key, X-API-Key", allowed.get("Access-Control-Allow-Headers"));
    assertEquals("600", allowed.get("Access-Control-Max-Age"));
    assertEquals("Origin", allowed.get("Vary"));

    Map<String, String> other = POLICY.preflightHeaders("https://evil.example.com", List.of("DELETE"));
    assertFalse(other.containsKey("Access-Control-Allow-Origin"));
    assertEquals("DELETE, OPTIONS", other.get("Access-Control-Allow-Methods"));
    assertFalse(Cors.none().preflightHeaders(APP, List.of("GET")).containsKey("Access-Control-Allow-Origin"));
  }

  @Test
  void handlerResponsesCarryTheHeadersForAnAllowedOriginOnly() {
    var handler = new Echo(new Http(new Json(), POLICY));

    var ok = handler.respond(request(Map.of("origin", APP), Scopes.CONFIG_READ));
    assertEquals(200, ok.getStatusCode());
    assertEquals(APP, ok.getHeaders().get("Access-Control-Allow-Origin"), "header names are case-insensitive");
    assertEquals("x-request-id, Retry-After, X-Next-Cursor", ok.getHeaders().get("Access-Control-Expose-Headers"));
    assertEquals("Origin", ok.getHeaders().get("Vary"));
    assertEquals("req-1", ok.getHeaders().get("x-request-id"));

    var refused = handler.respond(request(Map.of("Origin", APP), Scopes.FEEDBACK_READ));
    assertEquals(403, refused.getStatusCode());
    assertEquals(APP, refused.getHeaders().get("Access-Control-Allow-Origin"), "errors are readable by the app too");

    var noContent = new Echo(new Http(new Json(), POLICY), true).respond(request(Map.of("Origin", DEV), Scopes.CONFIG_READ));
    assertEquals(204, noContent.getStatusCode());
    assertEquals(DEV, noContent.getHeaders().get("Access-Control-Allow-Origin"));

    var other = handler.respond(request(Map.of("Origin", "https://evil.example.com"), Scopes.CONFIG_READ));
    assertEquals(200, other.getStatusCode());
    assertFalse(other.getHeaders().containsKey("Access-Control-Allow-Origin"));
    assertFalse(other.getHeaders().containsKey("Access-Control-Expose-Headers"));
    assertEquals("Origin", other.getHeaders().get("Vary"));

    var multiValue = request(Map.of(), Scopes.CONFIG_READ).withHeaders(null)
        .withMultiValueHeaders(Map.of("Origin", List.of(APP)));
    assertEquals(APP, handler.respond(multiValue).getHeaders().get("Access-Control-Allow-Origin"));
  }

  @Test
  void withoutAPolicyResponsesHaveNoCorsHeaders() {
    APIGatewayProxyResponseEvent response = new Echo(new Http(new Json())).respond(request(Map.of("Origin", APP), Scopes.CONFIG_READ));
    assertEquals(200, response.getStatusCode());
    assertTrue(response.getHeaders().keySet().stream().noneMatch(name -> name.startsWith("Access-Control-") || name.equals("Vary")),
        response.getHeaders().toString());
  }

  private static APIGatewayProxyRequestEvent request(Map<String, String> headers, String scope) {
    var context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
    context.setRequestId("req-1");
    context.setAuthorizer(Map.of("tenant", "acme", "principal", "test", "scopes", scope));
    return new APIGatewayProxyRequestEvent().withHttpMethod("GET").withPath("/api/csat/v1/echo")
        .withHeaders(headers).withRequestContext(context);
  }

  /** A handler that needs config:read and answers the tenant (or 204). */
  private static final class Echo extends ApiHandler<Void, Map<String, String>> {
    private final boolean noContent;

    Echo(Http http) {
      this(http, false);
    }

    Echo(Http http, boolean noContent) {
      super(Scopes.CONFIG_READ, http);
      this.noContent = noContent;
    }

    @Override
    protected Reply<Map<String, String>> handle(Call<Void> call) {
      return noContent ? Reply.noContent() : Reply.ok(Map.of("tenant", call.tenant()));
    }
  }
}
