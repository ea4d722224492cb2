package dev.csat.flows;

import com.amazonaws.services.lambda.runtime.Context;
import static dev.csat.testing.Events.api;
import static dev.csat.testing.Responses.expect;
import static dev.csat.testing.Responses.expectProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.csat.App;
import dev.csat.catalog.CatalogHandlers;
import dev.csat.data.SqlParams;
import dev.csat.interactions.InteractionHandlers;
import dev.csat.testing.LocalStack;
import dev.csat.testing.MutableClock;
import dev.csat.testing.TestContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad input gets a clear problem+json answer and changes nothing. */
class BadInputTest {
  private static App app;
  private static CatalogHandlers catalog;
  private static InteractionHandlers prompting;
  private static String snapshot;

  @BeforeAll
  static void catalogue() {
    app = LocalStack.freshApp(new MutableClock(Instant.parse("2026-03-05T14:32:00.000Z")));
    catalog = CatalogHandlers.of(app).withStoryFeature();
    prompting = InteractionHandlers.of(app);
    expect(200, prompting.increment().handleRequest(api("increment-interaction.json"), context()));
    snapshot = databaseContents();
  }

  @AfterEach
  void nothingChanged() {
    assertEquals(snapshot, databaseContents(), "a refused request changed the database");
  }

  enum Op { INCREMENT, REJECT, FEEDBACK, CREATE_PRODUCT, CREATE_FEATURE, UPDATE_FEATURE }

  static Stream<Arguments> invalidBodies() {
    String longComment = "x".repeat(10_001);
    return Stream.of(
        Arguments.of(Op.INCREMENT, "{\"user_email\":\"not-an-email\"}", "user_email"),
        Arguments.of(Op.INCREMENT, "{\"user_email\":5}", "user_email"),
        Arguments.of(Op.INCREMENT, "{}", "user_email"),
        Arguments.of(Op.INCREMENT, "{\"user_email\":\"user@example.com\",\"extra\":1}", "extra"),
        Arguments.of(Op.INCREMENT, "{\"user_email\":\"us\\u0000er@example.com\"}", "user_email"),
        Arguments.of(Op.INCREMENT, "{\"user_email\":\"user@example.com\",\"a\\u0000b\":1}", "a\\u0000b"),
        Arguments.of(Op.INCREMENT, "{\"user_email\":\"user@example.com\"", "body"),
        Arguments.of(Op.INCREMENT, "[\"user@example.com\"]", "body"),
        Arguments.of(Op.INCREMENT, "{\"user_email\":\"user@example.com\"} trailing", "body"),
        Arguments.of(Op.FEEDBACK, "{\"user_email\":\"user@example.com\",\"rating\":1,\"rating\":10,\"source\":\"prompted\"}", "body"),
        Arguments.of(Op.REJECT, "{\"user_email\":null}", "user_email"),
        Arguments.of(Op.FEEDBACK, "{\"user_email\":\"user@example.com\",\"rating\":11,\"source\":\"prompted\"}", "rating"),
        Arguments.of(Op.FEEDBACK, "{\"user_email\":\"user@example.com\",\"rating\":0,\"source\":\"prompted\"}", "rating"),
        Arguments.of(Op.FEEDBACK, "{\"user_email\":\"user@example.com\",\"rating\":8.5,\"source\":\"prompted\"}", "rating"),
        Arguments.of(Op.FEEDBACK, "{\"user_email\":\"user@example.com\",\"rating\":\"8\",\"source\":\"prompted\"}", "rating"),
        Arguments.of(Op.FEEDBACK, "{\"user_email\":\"user@example.com\",\"rating\":true,\"source\":\"prompted\"}", "rating"),
        Arguments.of(Op.FEEDBACK, "{\"user_email\":\"user@example.com\",\"rating\":99999999999,\"source\":\"prompted\"}", "rating"),
        Arguments.of(Op.FEEDBACK, "{\"user_email\":\"user@example.com\",\"rating\":8,\"source\":\"email\"}", "source"),
        Arguments.of(Op.FEEDBACK, "{\"user_email\":\"user@example.com\",\"rating\":8,\"source\":\"prompted\",\"comment\":\"" + longComment + "\"}", "comment"),
        Arguments.of(Op.FEEDBACK, "{\"user_email\":\"user@example.com\",\"rating\":8,\"source\":\"prompted\",\"comment\":{\"x\":1}}", "comment"),
        Arguments.of(Op.FEEDBACK, "{\"user_email\":\"user@example.com\",\"rating\":8,\"source\":\"prompted\",\"comment\":\"a\\u0000\"}", "comment"),
        Arguments.of(Op.CREATE_PRODUCT, "{\"key\":\"has space\",\"name\":\"X\"}", "key"),
        Arguments.of(Op.CREATE_PRODUCT, "{\"key\":\"ok\",\"name\":\"\"}", "name"),
        Arguments.of(Op.CREATE_PRODUCT, "{\"key\":\"" + "k".repeat(256) + "\",\"name\":\"X\"}", "key"),
        Arguments.of(Op.CREATE_FEATURE, "{\"feature_key\":\"f\",\"interaction_threshold\":0,\"rejection_threshold\":3}", "interaction_threshold"),
        Arguments.of(Op.CREATE_FEATURE, "{\"feature_key\":\"f\",\"interaction_threshold\":5,\"rejection_threshold\":3,\"cooldown_days\":-1}", "cooldown_days"),
        Arguments.of(Op.CREATE_FEATURE, "{\"feature_key\":\"f\",\"interaction_threshold\":5}", "rejection_threshold"),
        Arguments.of(Op.CREATE_FEATURE, "{\"feature_key\":\"f\",\"interaction_threshold\":5,\"rejection_threshold\":3,\"tenant_id\":\"x\"}", "tenant_id"),
        Arguments.of(Op.UPDATE_FEATURE, "{}", "body"),
        Arguments.of(Op.UPDATE_FEATURE, "{\"interaction_threshold\":null}", "interaction_threshold"),
        Arguments.of(Op.UPDATE_FEATURE, "{\"enabled\":\"yes\"}", "enabled"));
  }

  @ParameterizedTest
  @MethodSource("invalidBodies")
  void refusesInvalidBodies(Op op, String body, String field) {
    JsonNode problem = expectProblem(400, "validation", handler(op).handleRequest(event(op).withBody(body), context()));
    List<String> names = problem.path("invalid_params").findValuesAsText("name");
    assertTrue(names.contains(field), () -> "invalid_params " + names + " should name " + field);
    assertFalse(problem.toString().contains("Exception"), () -> "leaks internals: " + problem);
  }

  @Test
  void reportsEveryInvalidFieldAtOnce() {
    JsonNode problem = expectProblem(400, "validation",
        prompting.submitFeedback().handleRequest(api("submit-feedback.json").withBody("{}"), context()));
    assertEquals(List.of("user_email", "rating", "source"), problem.path("invalid_params").findValuesAsText("name"));
  }

  @Test
  void refusesBodiesThatAreNotValidBase64OrUtf8() {
    var notBase64 = api("increment-interaction.json").withBody("%%%").withIsBase64Encoded(true);
    expectProblem(400, "validation", prompting.increment().handleRequest(notBase64, context()));
    String latin1 = java.util.Base64.getEncoder().encodeToString(new byte[] {'{', '"', (byte) 0xE9, '"', ':', '1', '}'});
    var notUtf8 = api("increment-interaction.json").withBody(latin1).withIsBase64Encoded(true);
    expectProblem(400, "validation", prompting.increment().handleRequest(notUtf8, context()));
  }

  @Test
  void refusesAMissingBody() {
    expectProblem(400, "validation", prompting.increment().handleRequest(api("increment-interaction.json").withBody(null), context()));
  }

  @Test
  void refusesBodiesOverHalfAMebibyte() {
    String big = "{\"user_email\":\"user@example.com\",\"comment\":\"" + "x".repeat(512 * 1024) + "\"}";
    expectProblem(413, "content_too_large", prompting.increment().handleRequest(api("increment-interaction.json").withBody(big), context()));
  }

  @Test
  void refusesANonJsonContentType() {
    var event = api("increment-interaction.json");
    Map<String, String> headers = new HashMap<>(event.getHeaders());
    headers.keySet().removeIf(name -> name.equalsIgnoreCase("content-type"));
    headers.put("Content-Type", "text/plain");
    expectProblem(400, "validation", prompting.increment().handleRequest(event.withHeaders(headers), context()));
  }

  @Test
  void refusesInvalidPathKeys() {
    var event = api("increment-interaction.json");
    event.setPathParameters(Map.of("product_key", "acme app", "feature_key", "dashboard"));
    JsonNode problem = expectProblem(400, "validation", prompting.increment().handleRequest(event, context()));
    assertEquals("product_key", problem.path("invalid_params").get(0).path("name").asText());
  }

  @Test
  void refusesAMissingOrRepeatedUserEmailQuery() {
    var missing = api("list-feature-interactions.json");
    missing.setQueryStringParameters(null);
    missing.setMultiValueQueryStringParameters(null);
    expectProblem(400, "validation", prompting.list().handleRequest(missing, context()));

    var repeated = api("list-feature-interactions.json");
    repeated.setMultiValueQueryStringParameters(Map.of("user_email", List.of("a@example.com", "b@example.com")));
    expectProblem(400, "validation", prompting.list().handleRequest(repeated, context()));
  }

  @Test
  void refusesAnInvalidIdempotencyKey() {
    var event = api("submit-feedback.json");
    Map<String, String> headers = new HashMap<>(event.getHeaders());
    headers.put("Idempotency-Key", "x".repeat(256));
    expectProblem(400, "validation", prompting.submitFeedback().handleRequest(event.withHeaders(headers), context()));
  }

  @Test
  void unknownProductsAndFeaturesAreNotFound() {
    expectProblem(404, "not_found", prompting.increment().handleRequest(api("increment-interaction.unknown-feature.json"), context()));
    var unknownProduct = api("list-feature-interactions.json");
    unknownProduct.setPathParameters(Map.of("product_key", "no-such-product"));
    expectProblem(404, "not_found", prompting.list().handleRequest(unknownProduct, context()));
    var feedback = api("submit-feedback.json");
    feedback.setPathParameters(Map.of("product_key", "acme-app", "feature_key", "no-such-feature"));
    expectProblem(404, "not_found", prompting.submitFeedback().handleRequest(feedback, context()));
    var reject = api("reject-prompt.json");
    reject.setPathParameters(Map.of("product_key", "acme-app", "feature_key", "no-such-feature"));
    expectProblem(404, "not_found", prompting.reject().handleRequest(reject, context()));
  }

  @Test
  void duplicatesConflict() {
    expectProblem(409, "conflict", catalog.createProduct().handleRequest(api("create-product.json"), context()));
    expectProblem(409, "conflict", catalog.createFeature().handleRequest(api("create-feature.json"), context()));
  }

  private static RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler(Op op) {
    return switch (op) {
      case INCREMENT -> prompting.increment();
      case REJECT -> prompting.reject();
      case FEEDBACK -> prompting.submitFeedback();
      case CREATE_PRODUCT -> catalog.createProduct();
      case CREATE_FEATURE -> catalog.createFeature();
      case UPDATE_FEATURE -> catalog.updateFeature();
    };
  }

  private static APIGatewayProxyRequestEvent event(Op op) {
    return api(switch (op) {
      case INCREMENT -> "increment-interaction.json";
      case REJECT -> "reject-prompt.json";
      case FEEDBACK -> "submit-feedback.json";
      case CREATE_PRODUCT -> "create-product.json";
      case CREATE_FEATURE -> "create-feature.json";
      case UPDATE_FEATURE -> "update-feature.json";
    });
  }

  /** Every row of every table, as text: equal snapshots mean nothing was written. */
  private static String databaseContents() {
    StringBuilder all = new StringBuilder();
    for (String table : List.of("products", "features", "feature_interactions", "feedbacks")) {
      app.dataApi().query("SELECT row_to_json(t)::text AS row FROM " + table + " t ORDER BY 1", SqlParams.of())
          .forEach(row -> all.append(table).append(':').append(row.text("row")).append('\n'));
    }
    return all.toString();
  }

  private static Context context() {
    return TestContext.of("BadInputTest");
  }
}
