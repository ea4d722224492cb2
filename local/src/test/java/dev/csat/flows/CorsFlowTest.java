package dev.csat.flows;

import static dev.csat.testing.Events.api;
import static dev.csat.testing.Events.asTenant;
import static dev.csat.testing.Responses.expect;
import static dev.csat.testing.Responses.expectProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.csat.App;
import dev.csat.catalog.CatalogHandlers;
import dev.csat.http.Cors;
import dev.csat.interactions.InteractionHandlers;
import dev.csat.testing.LocalStack;
import dev.csat.testing.MutableClock;
import dev.csat.testing.TestContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CORS on the real path (handler, use case, Data API, PostgreSQL), fed from events/: a browser on
 * an allowed origin may read every answer, success or problem; any other origin gets nothing it
 * could use, and the data is the same either way.
 */
class CorsFlowTest {
  private static final String APP = "https://app.example.com";
  private static final String EVIL = "https://evil.example.com";
  private static final String TENANT = "cors-" + UUID.randomUUID();

  private static CatalogHandlers catalog;
  private static InteractionHandlers prompting;

  @BeforeAll
  static void start() {
    App app = App.create(LocalStack.freshDatabase(), new MutableClock(Instant.parse("2026-01-10T08:00:00.000Z")),
        Cors.of(APP + ",http://localhost:5173"));
    catalog = CatalogHandlers.of(app);
    prompting = InteractionHandlers.of(app);
    expect(201, catalog.createProduct().handleRequest(asTenant(api("create-product.json"), TENANT), TestContext.of("t")));
    expect(201, catalog.createFeature().handleRequest(asTenant(api("create-feature.json"), TENANT), TestContext.of("t")));
  }

  @Test
  void anAllowedOriginSeesAllowOriginOnANormalResponse() {
    var response = prompting.increment().handleRequest(from(APP, "increment-interaction.json"), TestContext.of("t"));
    expect(200, response);
    assertEquals(APP, response.getHeaders().get("Access-Control-Allow-Origin"));
    assertEquals("x-request-id, Retry-After, X-Next-Cursor", response.getHeaders().get("Access-Control-Expose-Headers"));
    assertEquals("Origin", response.getHeaders().get("Vary"));

    var list = catalog.listProducts().handleRequest(from("http://localhost:5173", "list-products.json"), TestContext.of("t"));
    expect(200, list);
    assertEquals("http://localhost:5173", list.getHeaders().get("Access-Control-Allow-Origin"));
  }

  @Test
  void anAllowedOriginCanReadProblemsToo() {
    var unknown = prompting.increment().handleRequest(
        from(APP, "increment-interaction.json").withPathParameters(new HashMap<>(Map.of(
            "product_key", "acme-app", "feature_key", "no-such-feature"))), TestContext.of("t"));
    expectProblem(404, "not_found", unknown);
    assertEquals(APP, unknown.getHeaders().get("Access-Control-Allow-Origin"));
  }

  @Test
  void anotherOriginGetsTheSameAnswerButNoAllowOrigin() {
    List<APIGatewayProxyResponseEvent> responses = new ArrayList<>();
    responses.add(prompting.increment().handleRequest(from(EVIL, "increment-interaction.json"), TestContext.of("t")));
    responses.add(catalog.listProducts().handleRequest(from(EVIL, "list-products.json"), TestContext.of("t")));
    responses.add(catalog.listProducts().handleRequest(from(APP.toUpperCase(Locale.ROOT), "list-products.json"),
        TestContext.of("t")));
    responses.add(catalog.listProducts().handleRequest(from("null", "list-products.json"), TestContext.of("t")));
    for (var response : responses) {
      expect(200, response);
      assertFalse(response.getHeaders().containsKey("Access-Control-Allow-Origin"), response.getHeaders().toString());
      assertFalse(response.getHeaders().containsKey("Access-Control-Expose-Headers"));
      assertEquals("Origin", response.getHeaders().get("Vary"), "the answer depends on the Origin, so caches must know");
    }
  }

  /** The event file as a browser on {@code origin} sends it, for this test's tenant. */
  private static APIGatewayProxyRequestEvent from(String origin, String file) {
    var event = asTenant(api(file), TENANT);
    var headers = new HashMap<>(event.getHeaders());
    headers.put("Origin", origin);
    event.setHeaders(headers);
    var multi = new HashMap<>(event.getMultiValueHeaders());
    multi.put("Origin", List.of(origin));
    event.setMultiValueHeaders(multi);
    return event;
  }
}
