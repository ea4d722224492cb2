package dev.csat.flows;

import com.amazonaws.services.lambda.runtime.Context;
import static dev.csat.testing.Events.api;
import static dev.csat.testing.Events.asTenant;
import static dev.csat.testing.Responses.expect;
import static dev.csat.testing.Responses.expectProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.csat.App;
import dev.csat.catalog.CatalogHandlers;
import dev.csat.interactions.InteractionHandlers;
import dev.csat.testing.LocalStack;
import dev.csat.testing.MutableClock;
import dev.csat.testing.TestContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Seed 000's story, end to end through the real path: handler, use case, RdsDataClient, local
 * Data API, PostgreSQL. The requests are the files in events/, replayed in the order the README
 * tells a developer to replay them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PromptingFlowTest {
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-01-10T08:00:00.000Z"));
  private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";
  private static final List<String> INCREMENT_FIELDS = List.of("user_email", "interaction_count",
      "total_interaction_count", "interaction_threshold", "rejection_count", "rejection_threshold",
      "should_request_feedback", "created_at", "updated_at");
  private static final List<String> LIST_FIELDS = List.of("product_feature_key", "interaction_count",
      "total_interaction_count", "interaction_threshold", "rejection_count", "rejection_threshold",
      "should_request_feedback");

  private static CatalogHandlers catalog;
  private static InteractionHandlers prompting;

  @BeforeAll
  static void startWithAnEmptyDatabase() {
    App app = LocalStack.freshApp(CLOCK);
    catalog = CatalogHandlers.of(app);
    prompting = InteractionHandlers.of(app);
  }

  @Test
  @Order(1)
  void setsUpTheCatalogue() {
    JsonNode product = expect(201, catalog.createProduct().handleRequest(api("create-product.json"), context()));
    assertEquals("acme-app", product.path("key").asText());
    assertEquals("Acme App", product.path("name").asText());

    JsonNode feature = expect(201, catalog.createFeature().handleRequest(api("create-feature.json"), context()));
    assertEquals("dashboard", feature.path("feature_key").asText());
    assertEquals(5, feature.path("interaction_threshold").asInt());
    assertEquals(3, feature.path("rejection_threshold").asInt());
    assertEquals(180, feature.path("cooldown_days").asInt());
    assertTrue(feature.path("enabled").asBoolean());

    JsonNode updated = expect(200, catalog.updateFeature().handleRequest(api("update-feature.json"), context()));
    assertEquals(3, updated.path("interaction_threshold").asInt());
    assertEquals(3, updated.path("rejection_threshold").asInt());
  }

  @Test
  @Order(2)
  void promptsAfterThreeInteractions() {
    JsonNode first = increment();
    assertEquals(INCREMENT_FIELDS, fieldNames(first));
    assertEquals("user@example.com", first.path("user_email").asText());
    assertCounters(first, 1, 1, 0, false);
    assertEquals("2026-01-10T08:00:00.000Z", first.path("created_at").asText());

    assertCounters(increment(), 2, 2, 0, false);
    CLOCK.advance(Duration.ofMinutes(5));
    JsonNode third = increment();
    assertCounters(third, 3, 3, 0, true);
    assertEquals(3, third.path("interaction_threshold").asInt());
    assertEquals(3, third.path("rejection_threshold").asInt());
    assertEquals("2026-01-10T08:00:00.000Z", third.path("created_at").asText());
    assertEquals("2026-01-10T08:05:00.000Z", third.path("updated_at").asText());
  }

  @Test
  @Order(3)
  void aDismissalResetsTheCountAndIsRemembered() {
    JsonNode rejected = expect(200, prompting.reject().handleRequest(api("reject-prompt.json"), context()));
    assertEquals(INCREMENT_FIELDS, fieldNames(rejected));
    assertCounters(rejected, 0, 3, 1, false);

    assertCounters(increment(), 1, 4, 1, false);
    assertCounters(increment(), 2, 5, 1, false);
    assertCounters(increment(), 3, 6, 1, true);
  }

  @Test
  @Order(4)
  void listsTheUsersStateWithSeedShapes() {
    JsonNode list = expect(200, prompting.list().handleRequest(api("list-feature-interactions.json"), context()));
    assertEquals(1, list.path("data").size());
    JsonNode dashboard = list.path("data").get(0);
    assertEquals(LIST_FIELDS, fieldNames(dashboard));
    assertEquals("dashboard", dashboard.path("product_feature_key").asText());
    assertEquals(3, dashboard.path("interaction_count").asInt());
    assertEquals(6, dashboard.path("total_interaction_count").asInt());
    assertEquals(1, dashboard.path("rejection_count").asInt());
    assertTrue(dashboard.path("should_request_feedback").asBoolean());
  }

  @Test
  @Order(5)
  void feedbackIsStoredEchoedAndResetsTheCounters() {
    CLOCK.advance(Duration.ofMinutes(1));
    JsonNode feedback = expect(201, prompting.submitFeedback().handleRequest(api("submit-feedback.json"), context()));
    assertEquals(7, UUID.fromString(feedback.path("id").asText()).version());
    assertEquals("acme-app", feedback.path("product_key").asText());
    assertEquals("dashboard", feedback.path("feature_key").asText());
    assertEquals("user@example.com", feedback.path("user_email").asText());
    assertEquals(8, feedback.path("rating").asInt());
    assertEquals("prompted", feedback.path("source").asText());
    assertEquals("Works great, but could be faster.", feedback.path("comment").asText());
    assertTrue(feedback.path("created_at").asText().matches(TIMESTAMP));

    JsonNode list = expect(200, prompting.list().handleRequest(api("list-feature-interactions.json"), context()));
    JsonNode dashboard = list.path("data").get(0);
    assertEquals(0, dashboard.path("interaction_count").asInt());
    assertEquals(0, dashboard.path("rejection_count").asInt());
    assertEquals(6, dashboard.path("total_interaction_count").asInt());
    assertFalse(dashboard.path("should_request_feedback").asBoolean());
  }

  @Test
  @Order(6)
  void duringTheCooldownOnlyTheTotalCounts() {
    for (int i = 1; i <= 5; i++) {
      assertCounters(increment(), 0, 6 + i, 0, false);
    }
    CLOCK.advance(Duration.ofDays(179));
    assertCounters(increment(), 0, 12, 0, false);
  }

  @Test
  @Order(7)
  void afterTheCooldownPromptingStartsAgain() {
    CLOCK.advance(Duration.ofDays(1));
    assertCounters(increment(), 1, 13, 0, false);
    assertCounters(increment(), 2, 14, 0, false);
    assertCounters(increment(), 3, 15, 0, true);
  }

  @Test
  @Order(8)
  void reachingTheRejectionThresholdSilencesThePromptForGood() {
    for (int rejection = 1; rejection <= 3; rejection++) {
      JsonNode rejected = expect(200, prompting.reject().handleRequest(api("reject-prompt.json"), context()));
      assertEquals(rejection, rejected.path("rejection_count").asInt());
      for (int i = 0; i < 3; i++) {
        increment();
      }
    }
    JsonNode state = increment();
    assertTrue(state.path("interaction_count").asInt() >= 3);
    assertFalse(state.path("should_request_feedback").asBoolean());
  }

  @Test
  @Order(9)
  void aUserWithNoRowReadsAsZerosAndEmailsIgnoreCase() {
    var event = api("list-feature-interactions.json");
    event.getQueryStringParameters().put("user_email", "New.User@Example.com");
    if (event.getMultiValueQueryStringParameters() != null) {
      event.getMultiValueQueryStringParameters().put("user_email", List.of("New.User@Example.com"));
    }
    JsonNode dashboard = expect(200, prompting.list().handleRequest(event, context())).path("data").get(0);
    assertEquals(0, dashboard.path("interaction_count").asInt());
    assertEquals(0, dashboard.path("total_interaction_count").asInt());
    assertFalse(dashboard.path("should_request_feedback").asBoolean());

    var upper = api("increment-interaction.json").withBody("{\"user_email\":\"NEW.USER@example.COM\"}");
    JsonNode counted = expect(200, prompting.increment().handleRequest(upper, context()));
    assertEquals("new.user@example.com", counted.path("user_email").asText());
    JsonNode again = expect(200, prompting.list().handleRequest(event, context())).path("data").get(0);
    assertEquals(1, again.path("interaction_count").asInt());
  }

  @Test
  @Order(10)
  void anotherTenantSeesNoneOfIt() {
    String other = "tenant-" + UUID.randomUUID();
    expectProblem(404, "not_found", prompting.increment().handleRequest(asTenant(api("increment-interaction.json"), other), context()));
    expectProblem(404, "not_found", prompting.reject().handleRequest(asTenant(api("reject-prompt.json"), other), context()));
    expectProblem(404, "not_found", prompting.list().handleRequest(asTenant(api("list-feature-interactions.json"), other), context()));
    expectProblem(404, "not_found", prompting.submitFeedback().handleRequest(asTenant(api("submit-feedback.json"), other), context()));
    expectProblem(404, "not_found", catalog.updateFeature().handleRequest(asTenant(api("update-feature.json"), other), context()));
    JsonNode products = expect(200, catalog.listProducts().handleRequest(asTenant(api("list-products.json"), other), context()));
    assertEquals(0, products.path("data").size());
    JsonNode features = expect(200, catalog.listFeatures().handleRequest(asTenant(api("list-features.json"), other), context()));
    assertEquals(0, features.path("data").size());

    // The same keys in the other tenant are a separate product, and the first tenant's data is unchanged.
    expect(201, catalog.createProduct().handleRequest(asTenant(api("create-product.json"), other), context()));
    JsonNode mine = expect(200, prompting.list().handleRequest(api("list-feature-interactions.json"), context()));
    assertNotEquals(0, mine.path("data").get(0).path("total_interaction_count").asInt());
  }

  private static JsonNode increment() {
    return expect(200, prompting.increment().handleRequest(api("increment-interaction.json"), context()));
  }

  private static void assertCounters(JsonNode state, int interactions, int total, int rejections, boolean prompt) {
    assertEquals(interactions, state.path("interaction_count").asInt(), () -> "interaction_count in " + state);
    assertEquals(total, state.path("total_interaction_count").asInt(), () -> "total_interaction_count in " + state);
    assertEquals(rejections, state.path("rejection_count").asInt(), () -> "rejection_count in " + state);
    assertEquals(prompt, state.path("should_request_feedback").asBoolean(), () -> "should_request_feedback in " + state);
    assertTrue(state.path("updated_at").asText().matches(TIMESTAMP), () -> "updated_at in " + state);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Context context() {
    return TestContext.of("PromptingFlowTest");
  }
}
