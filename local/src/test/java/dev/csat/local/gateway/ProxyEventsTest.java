package dev.csat.local.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProxyEventsTest {
  private static final Route ROUTE = new Route("POST",
      "/api/csat/v1/products/{product_key}/features/{feature_key}/increment", "IncrementInteractionFunction", "x.Y");
  private static final Instant AT = Instant.parse("2026-03-05T14:30:10.123Z");

  @Test
  void theEventHasTheRouteTheRequestAndTheRequestContextApiGatewayFillsIn() {
    var event = build("/api/csat/v1/products/acme/features/export/increment", null,
        headers("Content-Type", "application/json", "User-Agent", "curl/8"), "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
        Map.of("product_key", "acme", "feature_key", "export"));

    assertEquals(ROUTE.pathTemplate(), event.getResource());
    assertEquals("/api/csat/v1/products/acme/features/export/increment", event.getPath());
    assertEquals("POST", event.getHttpMethod());
    assertEquals(Map.of("product_key", "acme", "feature_key", "export"), event.getPathParameters());
    assertNull(event.getStageVariables());
    assertEquals("{\"a\":1}", event.getBody());
    assertFalse(event.getIsBase64Encoded());

    var context = event.getRequestContext();
    assertEquals("req-1", context.getRequestId());
    assertEquals("prod", context.getStage());
    assertEquals(ROUTE.pathTemplate(), context.getResourcePath());
    assertEquals("POST", context.getHttpMethod());
    assertEquals("/prod/api/csat/v1/products/acme/features/export/increment", context.getPath());
    assertEquals("HTTP/1.1", context.getProtocol());
    assertEquals(AT.toEpochMilli(), context.getRequestTimeEpoch());
    assertEquals("05/Mar/2026:14:30:10 +0000", context.getRequestTime());
    assertEquals("192.0.2.7", context.getIdentity().getSourceIp());
    assertEquals("curl/8", context.getIdentity().getUserAgent());
    assertNull(context.getAuthorizer(), "the AuthorizerContext fills it in");
  }

  @Test
  void repeatedQueryParametersKeepEveryValueInTheMultiValueMapAndTheLastInTheOther() {
    var event = build("/p", "tag=a&tag=b&limit=10&flag&empty=", headers(), new byte[0], Map.of());
    assertEquals(Map.of("tag", List.of("a", "b"), "limit", List.of("10"), "flag", List.of(""), "empty", List.of("")),
        event.getMultiValueQueryStringParameters());
    assertEquals(Map.of("tag", "b", "limit", "10", "flag", "", "empty", ""), event.getQueryStringParameters());
  }

  @Test
  void queryNamesAndValuesArriveDecodedWithPlusAsSpace() {
    var event = build("/p", "user_email=ann%40example.com&q=a+b%2Bc&na%6De=%E2%9C%93&bad=%zz", headers(), new byte[0], Map.of());
    assertEquals("ann@example.com", event.getQueryStringParameters().get("user_email"));
    assertEquals("a b+c", event.getQueryStringParameters().get("q"));
    assertEquals("\u2713", event.getQueryStringParameters().get("name"));
    assertEquals("%zz", event.getQueryStringParameters().get("bad"), "a malformed escape is kept as sent");
  }

  @Test
  void withoutQueryOrPathParametersThoseMapsAreNullAsInApiGateway() {
    var event = build("/p", null, headers(), new byte[0], Map.of());
    assertNull(event.getQueryStringParameters());
    assertNull(event.getMultiValueQueryStringParameters());
    assertNull(event.getPathParameters());
    assertNull(event.getBody(), "no body is null, not an empty string");
    assertFalse(event.getIsBase64Encoded());
    assertNull(build("/p", "", headers(), new byte[0], Map.of()).getQueryStringParameters());
  }

  @Test
  void thePathArrivesDecoded() {
    assertEquals("/products/a b/features/x+y", build("/products/a%20b/features/x+y", null, headers(), new byte[0], Map.of()).getPath());
  }

  @Test
  void headersKeepEveryValueInTheMultiValueMapAndTheLastInTheOther() {
    var event = build("/p", null, headers("Accept", "text/plain", "Accept", "application/json"), new byte[0], Map.of());
    assertEquals(List.of("text/plain", "application/json"), event.getMultiValueHeaders().get("Accept"));
    assertEquals("application/json", event.getHeaders().get("Accept"));
    assertEquals("192.0.2.7", event.getHeaders().get("X-Forwarded-For"), "API Gateway adds X-Forwarded-*");
    assertEquals("3000", event.getHeaders().get("X-Forwarded-Port"));
    assertEquals("http", event.getHeaders().get("X-Forwarded-Proto"));
  }

  @Test
  void aBodyThatIsNotUtf8ArrivesBase64Encoded() {
    byte[] binary = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff};
    var event = build("/p", null, headers("Content-Type", "image/png"), binary, Map.of());
    assertTrue(event.getIsBase64Encoded());
    assertArrayEquals(binary, Base64.getDecoder().decode(event.getBody()));

    var text = build("/p", null, headers(), "caf\u00e9 \u2713".getBytes(StandardCharsets.UTF_8), Map.of());
    assertFalse(text.getIsBase64Encoded());
    assertEquals("caf\u00e9 \u2713", text.getBody());
  }

  @Test
  void theTrustedAuthorizerContextNamesTheTenantAndScopes() {
    var event = build("/p", null, headers(), new byte[0], Map.of());
    Map<String, Object> context = AuthorizerContext.trusted("acme-tenant", Set.of("config:read", "catalog:write"))
        .authorize(event, ROUTE).context();
    assertEquals("acme-tenant", context.get("tenant"));
    assertEquals("catalog:write config:read", context.get("scopes"));
  }

  private static APIGatewayProxyRequestEvent build(String rawPath, String rawQuery, Map<String, List<String>> headers,
      byte[] body, Map<String, String> pathParameters) {
    var request = new IncomingRequest("POST", rawPath, rawQuery, headers, body, "192.0.2.7", 3000, "HTTP/1.1", AT);
    return ProxyEvents.build(request, ROUTE, pathParameters, "prod", "req-1");
  }

  private static Map<String, List<String>> headers(String... namesAndValues) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      headers.computeIfAbsent(namesAndValues[i], name -> new java.util.ArrayList<>()).add(namesAndValues[i + 1]);
    }
    return headers;
  }
}
