package dev.csat.flows;

import com.amazonaws.services.lambda.runtime.Context;
import static dev.csat.testing.Events.api;
import static dev.csat.testing.Responses.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.csat.App;
import dev.csat.catalog.CatalogHandlers;
import dev.csat.interactions.InteractionHandlers;
import dev.csat.local.dataapi.LocalDataApi;
import dev.csat.testing.LocalStack;
import dev.csat.testing.MutableClock;
import dev.csat.testing.TestContext;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;

/**
 * The performance budget's first line: one Data API round trip per request, no transaction calls.
 * Counted at the local endpoint, which sees exactly what the real service would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoundTripTest {
  private static CatalogHandlers catalog;
  private static InteractionHandlers prompting;
  private static final LocalDataApi ENDPOINT = LocalStack.dataApiEndpoint();

  @BeforeAll
  static void catalogue() {
    App app = LocalStack.freshApp(new MutableClock(Instant.parse("2026-03-05T14:32:00.000Z")));
    catalog = CatalogHandlers.of(app);
    prompting = InteractionHandlers.of(app);
  }

  @Test
  @Order(1)
  void everyRequestIsOneStatement() {
    assertOneCall(201, catalog.createProduct(), api("create-product.json"));
    assertOneCall(201, catalog.createFeature(), api("create-feature.json"));
    assertOneCall(200, catalog.updateFeature(), api("update-feature.json"));
    assertOneCall(200, catalog.listProducts(), api("list-products.json"));
    assertOneCall(200, catalog.listFeatures(), api("list-features.json"));
    assertOneCall(200, prompting.increment(), api("increment-interaction.json"));
    assertOneCall(200, prompting.increment(), api("increment-interaction.json"));
    assertOneCall(200, prompting.reject(), api("reject-prompt.json"));
    assertOneCall(200, prompting.list(), api("list-feature-interactions.json"));
    assertOneCall(201, prompting.submitFeedback(), api("submit-feedback.json"));
  }

  @Test
  @Order(2)
  void outcomesOtherThanSuccessAreOneStatementToo() {
    assertOneCall(404, prompting.increment(), api("increment-interaction.unknown-feature.json"));
    assertOneCall(409, catalog.createProduct(), api("create-product.json"));
  }

  @Test
  void invalidInputNeverReachesTheDatabase() {
    long before = ENDPOINT.totalCalls();
    expect(400, prompting.submitFeedback().handleRequest(api("submit-feedback.rating-out-of-range.json"), context()));
    expect(400, prompting.increment().handleRequest(api("increment-interaction.invalid-email.json"), context()));
    assertEquals(before, ENDPOINT.totalCalls());
  }

  private static void assertOneCall(int status,
      RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler,
      APIGatewayProxyRequestEvent event) {
    long executes = ENDPOINT.calls("ExecuteStatement");
    long total = ENDPOINT.totalCalls();
    expect(status, handler.handleRequest(event, context()));
    assertEquals(1, ENDPOINT.calls("ExecuteStatement") - executes, () -> "ExecuteStatement calls for " + event.getResource());
    assertEquals(1, ENDPOINT.totalCalls() - total, () -> "Data API calls for " + event.getResource());
  }

  private static Context context() {
    return TestContext.of("RoundTripTest");
  }
}
