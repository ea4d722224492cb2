package dev.csat.flows;

import static dev.csat.testing.Events.api;
import static dev.csat.testing.Events.asTenant;
import static dev.csat.testing.Responses.expect;
import static dev.csat.testing.Responses.expectProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.csat.App;
import dev.csat.catalog.CatalogHandlers;
import dev.csat.engagement.EngagementApi;
import dev.csat.feedback.InboxApi;
import dev.csat.http.Json;
import dev.csat.interactions.Interaction;
import dev.csat.interactions.InteractionHandlers;
import dev.csat.interactions.PromptRule;
import dev.csat.interactions.PromptSettings;
import dev.csat.local.dataapi.LocalDataApi;
import dev.csat.testing.LocalStack;
import dev.csat.testing.MutableClock;
import dev.csat.testing.TestContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Per-user and funnel analytics (getUserHistory, listFeatureUsers, getInteractionFunnel) through
 * the real path: handler, use case, RdsDataClient, local Data API, PostgreSQL. The data is made
 * by the prompting and inbox handlers themselves, one user per prompting state; the expected
 * numbers are worked out by hand below, and every should_request_feedback is checked against
 * {@link PromptRule}.
 *
 * <p>Tenant acme, product acme-app: dashboard (prompts after 3 uses, silent after 2
 * dismissals, 30-day cooldown), export-csv (2 uses, 1 dismissal, cooldown 0 while the data is
 * made, then 30 days), reports (disabled), billing (no users); product acme-admin: settings;
 * product acme-empty, without features.
 * Tenant globex has a product acme-app with a feature dashboard of its own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EngagementFlowTest {
  private static final String ACME = "acme";
  private static final String GLOBEX = "globex";
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-01T09:00:00.000Z"));
  private static final LocalDataApi ENDPOINT = LocalStack.dataApiEndpoint();
  /** Each feature's prompt settings (as created, export-csv after its cooldown change). */
  private static final Map<String, PromptSettings> SETTINGS = Map.of(
      "acme-app/dashboard", new PromptSettings(3, 2, 30, true),
      "acme-app/export-csv", new PromptSettings(2, 1, 30, true),
      "acme-app/reports", new PromptSettings(1, 3, 180, false),
      "acme-app/billing", new PromptSettings(1, 1, 180, true),
      "acme-admin/settings", new PromptSettings(1, 1, 180, true));
  private static final List<String> DASHBOARD_USERS = new ArrayList<>(List.of(
      "below@example.com", "due@example.com", "exhausted@example.com", "many@example.com"));
  private static final List<String> HISTORY_FIELDS = List.of("product_key", "product_feature_key",
      "interaction_count", "total_interaction_count", "interaction_threshold", "rejection_count",
      "rejection_threshold", "should_request_feedback", "last_feedback_at", "created_at", "updated_at");
  private static final List<String> USER_FIELDS = List.of("user_email", "interaction_count",
      "total_interaction_count", "rejection_count", "should_request_feedback", "last_feedback_at", "created_at",
      "updated_at");
  private static final List<String> FUNNEL_FIELDS = List.of("users_with_interactions", "users_due_prompt",
      "users_exhausted", "users_with_feedback", "dismissals");

  private static CatalogHandlers catalog;
  private static InteractionHandlers prompting;
  private static InboxApi inbox;
  private static EngagementApi analytics;
  /** many@example.com's feedbacks in acme, newest first. */
  private static List<String> manyFeedbacks;
  private static String globexFeedback;
  private static Instant cooldownRatedAt;

  @BeforeAll
  static void theStatesOfPrompting() {
    App app = LocalStack.freshApp(CLOCK);
    catalog = CatalogHandlers.of(app);
    prompting = InteractionHandlers.of(app);
    inbox = InboxApi.of(app, ACME);
    analytics = EngagementApi.of(app, ACME);

    product(ACME, "acme-app");
    product(ACME, "acme-admin");
    product(ACME, "acme-empty");
    feature(ACME, "acme-app", "{\"feature_key\":\"dashboard\",\"interaction_threshold\":3,\"rejection_threshold\":2,\"cooldown_days\":30}");
    feature(ACME, "acme-app", "{\"feature_key\":\"export-csv\",\"interaction_threshold\":2,\"rejection_threshold\":1,\"cooldown_days\":0}");
    feature(ACME, "acme-app", "{\"feature_key\":\"reports\",\"interaction_threshold\":1,\"rejection_threshold\":3,\"enabled\":false}");
    feature(ACME, "acme-app", "{\"feature_key\":\"billing\",\"interaction_threshold\":1,\"rejection_threshold\":1}");
    feature(ACME, "acme-admin", "{\"feature_key\":\"settings\",\"interaction_threshold\":1,\"rejection_threshold\":1}");

    // dashboard: below the threshold, due, exhausted (2 dismissals), and a user who rated often.
    uses(ACME, "acme-app", "dashboard", "below@example.com", 2);
    uses(ACME, "acme-app", "dashboard", "due@example.com", 3);
    uses(ACME, "acme-app", "dashboard", "exhausted@example.com", 3);
    dismiss(ACME, "acme-app", "dashboard", "exhausted@example.com");
    uses(ACME, "acme-app", "dashboard", "exhausted@example.com", 3);
    dismiss(ACME, "acme-app", "dashboard", "exhausted@example.com");
    uses(ACME, "acme-app", "dashboard", "exhausted@example.com", 3);
    uses(ACME, "acme-app", "dashboard", "many@example.com", 3);
    for (int i = 0; i < 10; i++) {
      String user = "user%02d@example.com".formatted(i);
      uses(ACME, "acme-app", "dashboard", user, 1);
      DASHBOARD_USERS.add(user);
    }

    // many@example.com's feedbacks, a minute apart: the prompt's and the inbox's, one an import
    // from last year, one on another product; and feedbacks of others that must not show.
    List<String> feedbacks = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      CLOCK.advance(Duration.ofMinutes(1));
      feedbacks.add(rate(ACME, "acme-app", "dashboard", "many@example.com", 3 + i));
      if (i % 2 == 0) {
        CLOCK.advance(Duration.ofMinutes(1));
        feedbacks.add(ingest(ACME, "{\"product_key\":\"acme-app\",\"user_email\":\"Many@Example.com\",\"rating\":" + (1 + i / 2)
            + ",\"scale\":\"1-5\",\"source\":\"ticket\",\"reference\":\"T-" + i + "\"}"));
      }
    }
    CLOCK.advance(Duration.ofMinutes(1));
    feedbacks.add(ingest(ACME, "{\"product_key\":\"acme-admin\",\"user_email\":\"many@example.com\",\"rating\":1,\"scale\":\"thumbs\",\"source\":\"api\"}"));
    feedbacks.add(ingest(ACME, "{\"user_email\":\"many@example.com\",\"rating\":9,\"source\":\"survey\",\"created_at\":\"2025-06-01T10:00:00.000Z\"}"));
    manyFeedbacks = feedbacks.stream().sorted(Comparator.reverseOrder()).toList(); // UUIDv7: newest first
    ingest(ACME, "{\"user_email\":\"due@example.com\",\"rating\":5,\"scale\":\"1-5\",\"source\":\"survey\"}");

    // export-csv: a user who rated and then used it twice (no cooldown yet), a due user, an exhausted one.
    CLOCK.advance(Duration.ofMinutes(1));
    cooldownRatedAt = CLOCK.instant();
    rate(ACME, "acme-app", "export-csv", "cooldown@example.com", 9);
    uses(ACME, "acme-app", "export-csv", "cooldown@example.com", 2);
    uses(ACME, "acme-app", "export-csv", "due@example.com", 2);
    dismiss(ACME, "acme-app", "export-csv", "exhausted@example.com");
    // reports is disabled: never due, however often it is used.
    uses(ACME, "acme-app", "reports", "disabled@example.com", 5);
    uses(ACME, "acme-app", "reports", "due@example.com", 1);
    uses(ACME, "acme-admin", "settings", "due@example.com", 1);
    dismiss(ACME, "acme-admin", "settings", "admin@example.com");
    // Now the cooldown applies: cooldown@example.com used export-csv enough, but rated it today.
    patchFeature(ACME, "acme-app", "export-csv", "{\"cooldown_days\":30}");

    // globex: the same product and feature keys, and a user of the same email.
    product(GLOBEX, "acme-app");
    feature(GLOBEX, "acme-app", "{\"feature_key\":\"dashboard\",\"interaction_threshold\":1,\"rejection_threshold\":1}");
    uses(GLOBEX, "acme-app", "dashboard", "many@example.com", 1);
    globexFeedback = ingest(GLOBEX, "{\"user_email\":\"many@example.com\",\"rating\":2,\"scale\":\"1-5\",\"source\":\"ticket\"}");
    CLOCK.advance(Duration.ofMinutes(1));
  }

  @Test
  @Order(1)
  void aHistoryHasEveryFeatureOfTheUserByProductAndFeature() {
    JsonNode history = expect(200, analytics.history("due@example.com"));
    assertEquals(List.of("user_email", "interactions", "feedbacks"), fieldNames(history));
    assertEquals("due@example.com", history.path("user_email").asText());
    JsonNode interactions = history.path("interactions");
    assertEquals(List.of("acme-admin/settings", "acme-app/dashboard", "acme-app/export-csv", "acme-app/reports"),
        StreamSupport.stream(interactions.spliterator(), false)
            .map(i -> i.path("product_key").asText() + "/" + i.path("product_feature_key").asText()).toList());
    interactions.forEach(i -> assertEquals(HISTORY_FIELDS, fieldNames(i)));

    JsonNode dashboard = interactions.get(1);
    assertEquals(3, dashboard.path("interaction_count").asInt());
    assertEquals(3, dashboard.path("total_interaction_count").asInt());
    assertEquals(3, dashboard.path("interaction_threshold").asInt());
    assertEquals(0, dashboard.path("rejection_count").asInt());
    assertEquals(2, dashboard.path("rejection_threshold").asInt());
    assertTrue(dashboard.path("last_feedback_at").isNull());
    assertEquals("2026-03-01T09:00:00.000Z", dashboard.path("created_at").asText());
    assertEquals(List.of(true, true, true, false), shouldFlags(interactions));

    // The inbox's feedback of this user, in the inbox's shape.
    JsonNode feedbacks = history.path("feedbacks");
    assertEquals(List.of("data", "next", "has_more"), fieldNames(feedbacks));
    assertEquals(1, feedbacks.path("data").size());
    JsonNode survey = feedbacks.path("data").get(0);
    assertEquals("survey", survey.path("source").asText());
    assertEquals(expect(200, inbox.get(survey.path("id").asText())), survey);
    assertTrue(feedbacks.path("next").isNull());
    assertFalse(feedbacks.path("has_more").asBoolean());
  }

  @ParameterizedTest(name = "{0} on {1}: {2}")
  @Order(2)
  @CsvSource({
      "below@example.com,     acme-app/dashboard,  false, below the interaction threshold",
      "due@example.com,       acme-app/dashboard,  true,  due",
      "exhausted@example.com, acme-app/dashboard,  false, rejection threshold reached",
      "exhausted@example.com, acme-app/export-csv, false, rejection threshold reached without uses",
      "many@example.com,      acme-app/dashboard,  false, rated: counters reset",
      "cooldown@example.com,  acme-app/export-csv, false, threshold reached within the cooldown",
      "due@example.com,       acme-app/export-csv, true,  due",
      "disabled@example.com,  acme-app/reports,    false, feature disabled",
      "due@example.com,       acme-app/reports,    false, feature disabled",
      "due@example.com,       acme-admin/settings, true,  due on another product",
      "admin@example.com,     acme-admin/settings, false, dismissed at once"})
  void shouldRequestFeedbackIsThePromptRuleInEveryState(String user, String feature, boolean due, String state) {
    JsonNode row = historyRow(user, feature);
    assertEquals(due, row.path("should_request_feedback").asBoolean(), state);
    assertEquals(promptRule(feature, row), due, "PromptRule for " + state);

    // The feature's user list says the same, and its due filter (SQL) agrees with PromptRule (Java).
    String[] keys = feature.split("/");
    JsonNode listed = findUser(expect(200, analytics.featureUsers(keys[0], keys[1], "limit", "100")), user);
    assertEquals(USER_FIELDS, fieldNames(listed));
    assertEquals(due, listed.path("should_request_feedback").asBoolean());
    assertNotNull(findUser(expect(200, analytics.featureUsers(keys[0], keys[1], "due", Boolean.toString(due), "limit", "100")), user));
    assertNull(findUser(expect(200, analytics.featureUsers(keys[0], keys[1], "due", Boolean.toString(!due), "limit", "100")), user));
  }

  @Test
  @Order(3)
  void historyPagesWalkEveryFeedbackOnceNewestFirst() {
    for (int limit : List.of(1, 5, 12, 13, 100)) {
      List<String> seen = new ArrayList<>();
      String after = null;
      int pages = 0;
      while (true) {
        JsonNode history = expect(200, after == null
            ? analytics.history("many@example.com", "limit", Integer.toString(limit))
            : analytics.history("many@example.com", "limit", Integer.toString(limit), "after", after));
        JsonNode page = history.path("feedbacks");
        assertTrue(page.path("data").size() <= limit);
        page.path("data").forEach(f -> seen.add(f.path("id").asText()));
        pages++;
        // Every page carries the interactions whole.
        assertEquals(1, history.path("interactions").size());
        if (!page.path("has_more").asBoolean()) {
          assertTrue(page.path("next").isNull());
          break;
        }
        after = page.path("next").asText();
      }
      assertEquals(manyFeedbacks, seen, "limit " + limit);
      assertEquals((manyFeedbacks.size() + limit - 1) / limit, pages, "pages at limit " + limit);
    }
    JsonNode first = expect(200, analytics.history("many@example.com")).path("feedbacks");
    assertEquals(13, manyFeedbacks.size());
    assertEquals(13, first.path("data").size()); // the default limit, 20, holds them all
    assertEquals("2025-06-01T10:00:00.000Z", first.path("data").get(12).path("created_at").asText());
  }

  @Test
  @Order(4)
  void aRatingShowsInTheHistoryAsItsLastFeedback() {
    JsonNode dashboard = historyRow("many@example.com", "acme-app/dashboard");
    assertEquals(0, dashboard.path("interaction_count").asInt());
    assertEquals(3, dashboard.path("total_interaction_count").asInt());
    JsonNode newestPrompted = StreamSupport.stream(expect(200, analytics.history("many@example.com"))
            .path("feedbacks").path("data").spliterator(), false)
        .filter(f -> f.path("source").asText().equals("prompted")).findFirst().orElseThrow();
    assertEquals(newestPrompted.path("created_at").asText(), dashboard.path("last_feedback_at").asText());
    assertEquals(Json.timestamp(cooldownRatedAt),
        historyRow("cooldown@example.com", "acme-app/export-csv").path("last_feedback_at").asText());
  }

  @Test
  @Order(5)
  void aUserNobodyHasSeenHasAnEmptyHistory() {
    JsonNode history = expect(200, analytics.history("Nobody@Example.com"));
    assertEquals("nobody@example.com", history.path("user_email").asText());
    assertEquals(0, history.path("interactions").size());
    assertEquals(0, history.path("feedbacks").path("data").size());
    assertFalse(history.path("feedbacks").path("has_more").asBoolean());
    assertTrue(history.path("feedbacks").path("next").isNull());
  }

  @Test
  @Order(6)
  void featureUsersComeInKeysetPagesByEmail() {
    List<String> all = DASHBOARD_USERS.stream().sorted().toList();
    for (int limit : List.of(1, 3, 13, 14, 100)) {
      assertEquals(all, walkUsers("acme-app", "dashboard", limit, null), "limit " + limit);
    }
    assertEquals(List.of("due@example.com"), walkUsers("acme-app", "dashboard", 3, true));
    assertEquals(all.stream().filter(u -> !u.equals("due@example.com")).toList(),
        walkUsers("acme-app", "dashboard", 4, false));
    assertEquals(List.of(), walkUsers("acme-app", "billing", 20, null));
    assertEquals(List.of("disabled@example.com", "due@example.com"), walkUsers("acme-app", "reports", 1, false));
    assertEquals(List.of(), walkUsers("acme-app", "reports", 1, true));

    JsonNode first = expect(200, analytics.featureUsers("acme-app", "dashboard"));
    assertEquals(List.of("data", "next", "has_more"), fieldNames(first));
    assertEquals(14, first.path("data").size()); // default limit 20
    JsonNode exhausted = first.path("data").get(2);
    assertEquals("exhausted@example.com", exhausted.path("user_email").asText());
    assertEquals(3, exhausted.path("interaction_count").asInt());
    assertEquals(9, exhausted.path("total_interaction_count").asInt());
    assertEquals(2, exhausted.path("rejection_count").asInt());
    assertFalse(exhausted.path("should_request_feedback").asBoolean());
  }

  @Test
  @Order(7)
  void theFunnelMatchesTheHandCountedStates() {
    JsonNode funnel = expect(200, analytics.funnel("acme-app"));
    assertEquals(List.of("product_key", "feature_key", "users_with_interactions", "users_due_prompt", "users_exhausted",
        "users_with_feedback", "dismissals", "features"), fieldNames(funnel));
    assertEquals("acme-app", funnel.path("product_key").asText());
    assertTrue(funnel.path("feature_key").isNull());
    // Distinct users: dashboard's 14, cooldown@ and disabled@ (due@ and exhausted@ are there already).
    // Due: due@ (on two features, counted once). Exhausted: exhausted@ (on two). Rated: many@,
    // cooldown@. Dismissals: exhausted@'s 2 on dashboard and 1 on export-csv.
    assertCounts(funnel, 16, 1, 1, 2, 3);
    JsonNode features = funnel.path("features");
    assertEquals(List.of("billing", "dashboard", "export-csv", "reports"),
        StreamSupport.stream(features.spliterator(), false).map(f -> f.path("feature_key").asText()).toList());
    features.forEach(f -> assertEquals(List.of("feature_key", "users_with_interactions", "users_due_prompt",
        "users_exhausted", "users_with_feedback", "dismissals"), fieldNames(f)));
    assertCounts(features.get(0), 0, 0, 0, 0, 0);
    assertCounts(features.get(1), 14, 1, 1, 1, 2);
    assertCounts(features.get(2), 3, 1, 1, 1, 1);
    assertCounts(features.get(3), 2, 0, 0, 0, 0);

    JsonNode exportCsv = expect(200, analytics.funnel("acme-app", "feature_key", "export-csv"));
    assertEquals("export-csv", exportCsv.path("feature_key").asText());
    assertCounts(exportCsv, 3, 1, 1, 1, 1);
    assertEquals(1, exportCsv.path("features").size());
    assertCounts(exportCsv.path("features").get(0), 3, 1, 1, 1, 1);

    JsonNode admin = expect(200, analytics.funnel("acme-admin"));
    assertCounts(admin, 2, 1, 1, 0, 1);
    JsonNode empty = expect(200, analytics.funnel("acme-empty"));
    assertCounts(empty, 0, 0, 0, 0, 0);
    assertEquals(0, empty.path("features").size());

    // The funnel's users per feature are the feature's user list; its due users the due filter's.
    for (JsonNode feature : features) {
      String key = feature.path("feature_key").asText();
      assertEquals(feature.path("users_with_interactions").asInt(), walkUsers("acme-app", key, 100, null).size());
      assertEquals(feature.path("users_due_prompt").asInt(), walkUsers("acme-app", key, 100, true).size());
    }
  }

  @Test
  @Order(8)
  void anotherTenantSeesNoneOfIt() {
    EngagementApi globex = analytics.as(GLOBEX);
    JsonNode history = expect(200, globex.history("many@example.com"));
    assertEquals(1, history.path("interactions").size());
    assertEquals(1, history.path("interactions").get(0).path("interaction_count").asInt());
    assertTrue(history.path("interactions").get(0).path("should_request_feedback").asBoolean());
    List<String> ids = new ArrayList<>();
    history.path("feedbacks").path("data").forEach(f -> ids.add(f.path("id").asText()));
    assertEquals(List.of(globexFeedback), ids);

    JsonNode empty = expect(200, globex.history("due@example.com"));
    assertEquals(0, empty.path("interactions").size());
    assertEquals(0, empty.path("feedbacks").path("data").size());

    assertEquals(List.of("many@example.com"), StreamSupport.stream(expect(200, globex.featureUsers("acme-app", "dashboard"))
        .path("data").spliterator(), false).map(u -> u.path("user_email").asText()).toList());
    JsonNode funnel = expect(200, globex.funnel("acme-app"));
    assertCounts(funnel, 1, 1, 0, 0, 0);
    assertEquals(1, funnel.path("features").size());

    // acme's objects globex does not have: 404, exactly like objects nobody has.
    expectProblem(404, "not_found", globex.funnel("acme-admin"));
    expectProblem(404, "not_found", globex.featureUsers("acme-admin", "settings"));
    expectProblem(404, "not_found", globex.featureUsers("acme-app", "export-csv"));
    expectProblem(404, "not_found", globex.funnel("acme-app", "feature_key", "export-csv"));

    // A cursor acme was given does not work for globex.
    String next = expect(200, analytics.featureUsers("acme-app", "dashboard", "limit", "1")).path("next").asText();
    expectInvalid(globex.featureUsers("acme-app", "dashboard", "limit", "1", "after", next), "after");
  }

  @Test
  @Order(9)
  void unknownProductsAndFeaturesAreNotFound() {
    JsonNode product = expectProblem(404, "not_found", analytics.funnel("nope"));
    assertEquals("product 'nope' not found", product.path("detail").asText());
    expectProblem(404, "not_found", analytics.funnel("acme-app", "feature_key", "nope"));
    JsonNode feature = expectProblem(404, "not_found", analytics.featureUsers("acme-app", "nope"));
    assertEquals("feature 'nope' of product 'acme-app' not found", feature.path("detail").asText());
    expectProblem(404, "not_found", analytics.featureUsers("nope", "dashboard"));
    expectProblem(404, "not_found", analytics.featureUsers("nope", "dashboard", "due", "true"));
  }

  @ParameterizedTest(name = "{0}")
  @Order(10)
  @CsvSource(delimiter = '|', value = {
      "history: bad email                | user_email  | not-an-email    |",
      "history: email with a space       | user_email  | a b@example.com |",
      "history: limit 0                  | limit       | due@example.com | limit=0",
      "history: limit 101                | limit       | due@example.com | limit=101",
      "history: limit text               | limit       | due@example.com | limit=ten",
      "history: limit twice              | limit       | due@example.com | limit=5&limit=6",
      "history: garbage cursor           | after       | due@example.com | after=garbage",
      "history: dotted garbage cursor    | after       | due@example.com | after=bm90.YWN1cnNvcg",
      "history: unknown parameter        | due         | due@example.com | due=true",
      "users: limit 0                    | limit       | dashboard       | limit=0",
      "users: limit 101                  | limit       | dashboard       | limit=101",
      "users: limit text                 | limit       | dashboard       | limit=x",
      "users: garbage cursor             | after       | dashboard       | after=%%%",
      "users: due neither true nor false | due         | dashboard       | due=yes",
      "users: unknown parameter          | user_email  | dashboard       | user_email=due@example.com",
      "users: bad feature key            | feature_key | dash board      |",
      "funnel: bad feature key           | feature_key | acme-app        | feature_key=no way",
      "funnel: empty feature key         | feature_key | acme-app        | feature_key=",
      "funnel: unknown parameter         | limit       | acme-app        | limit=5",
      "funnel: bad product key           | product_key | acme/app        |"})
  void badInputIsA400NamingTheParameterAndReadsNothing(String name, String parameter, String subject, String query) {
    List<String> pairs = new ArrayList<>();
    if (query != null) {
      for (String pair : query.split("&")) {
        pairs.addAll(List.of(pair.split("=", 2)));
      }
    }
    String[] q = pairs.toArray(String[]::new);
    Supplier<APIGatewayProxyResponseEvent> call = switch (name.substring(0, name.indexOf(':'))) {
      case "history" -> () -> analytics.history(subject, q);
      case "users" -> () -> analytics.featureUsers("acme-app", subject, q);
      default -> () -> analytics.funnel(subject, q);
    };
    long before = ENDPOINT.totalCalls();
    expectInvalid(call.get(), parameter);
    assertEquals(before, ENDPOINT.totalCalls(), "bad input reached the database");
  }

  @Test
  @Order(11)
  void aCursorOnlyWorksWithTheQueryThatMadeIt() {
    String historyCursor = expect(200, analytics.history("many@example.com", "limit", "2")).path("feedbacks").path("next").asText();
    expect(200, analytics.history("many@example.com", "limit", "2", "after", historyCursor));
    expect(200, analytics.history("many@example.com", "limit", "7", "after", historyCursor)); // limits may change
    expectInvalid(analytics.history("due@example.com", "after", historyCursor), "after");
    expectInvalid(analytics.as(GLOBEX).history("many@example.com", "after", historyCursor), "after");
    expectInvalid(analytics.featureUsers("acme-app", "dashboard", "after", historyCursor), "after");
    expectInvalid(analytics.history("many@example.com", "after", historyCursor.substring(0, historyCursor.length() - 2)), "after");

    String usersCursor = expect(200, analytics.featureUsers("acme-app", "dashboard", "limit", "2", "due", "false")).path("next").asText();
    expect(200, analytics.featureUsers("acme-app", "dashboard", "due", "false", "after", usersCursor));
    expectInvalid(analytics.featureUsers("acme-app", "dashboard", "after", usersCursor), "after");
    expectInvalid(analytics.featureUsers("acme-app", "dashboard", "due", "true", "after", usersCursor), "after");
    expectInvalid(analytics.featureUsers("acme-app", "export-csv", "due", "false", "after", usersCursor), "after");
    expectInvalid(analytics.history("many@example.com", "after", usersCursor), "after");

    String inboxCursor = expect(200, inbox.list("limit", "1")).path("next").asText();
    expectInvalid(analytics.history("many@example.com", "after", inboxCursor), "after");
    expectInvalid(analytics.featureUsers("acme-app", "dashboard", "after", inboxCursor), "after");
  }

  @Test
  @Order(12)
  void everyReadIsOneDataApiCall() {
    for (Supplier<APIGatewayProxyResponseEvent> call : List.<Supplier<APIGatewayProxyResponseEvent>>of(
        () -> analytics.history("many@example.com", "limit", "3"),
        () -> analytics.history("nobody@example.com"),
        () -> analytics.featureUsers("acme-app", "dashboard", "due", "false", "limit", "3"),
        () -> analytics.featureUsers("acme-app", "nope"),
        () -> analytics.funnel("acme-app"),
        () -> analytics.funnel("acme-app", "feature_key", "nope"),
        () -> analytics.funnel("nope"))) {
      long executes = ENDPOINT.calls("ExecuteStatement");
      long total = ENDPOINT.totalCalls();
      assertTrue(call.get().getStatusCode() < 500);
      assertEquals(1, ENDPOINT.calls("ExecuteStatement") - executes);
      assertEquals(1, ENDPOINT.totalCalls() - total);
    }
  }

  @Test
  @Order(13)
  void anEndUserTokenReadsOnlyItsOwnHistoryAndNoUserList() {
    EngagementApi endUser = analytics.asEndUser("due@example.com");
    assertEquals(4, expect(200, endUser.history("Due@Example.com")).path("interactions").size());
    expectProblem(403, "forbidden", endUser.history("many@example.com"));
    expectProblem(403, "forbidden", endUser.featureUsers("acme-app", "dashboard"));
    expect(200, endUser.funnel("acme-app"));
  }

  @Test
  @Order(14)
  void whenTheCooldownEndsThePromptIsDueAgain() {
    CLOCK.advance(Duration.ofDays(30));
    JsonNode row = historyRow("cooldown@example.com", "acme-app/export-csv");
    assertTrue(row.path("should_request_feedback").asBoolean());
    assertTrue(promptRule("acme-app/export-csv", row));
    assertEquals(List.of("cooldown@example.com", "due@example.com"), walkUsers("acme-app", "export-csv", 1, true));
    JsonNode funnel = expect(200, analytics.funnel("acme-app"));
    assertCounts(funnel, 16, 2, 1, 2, 3);
    assertCounts(funnel.path("features").get(2), 3, 2, 1, 1, 1);
    // many@example.com rated dashboard 30 days ago too, but has not used it since.
    assertFalse(historyRow("many@example.com", "acme-app/dashboard").path("should_request_feedback").asBoolean());
  }

  @Test
  @Order(15)
  void aPageOfLongCommentsStopsEarlyAndLosesNothing() {
    // Quotes, backslashes and non-ASCII grow in JSON: 120 such comments are several MiB.
    String comment = ("\"Quoted\" \\ naïve café 日本語 ✓ line\n").repeat(10_000 / 32).substring(0, 10_000);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      ids.add(ingest(ACME, "{\"user_email\":\"long@example.com\",\"rating\":4,\"scale\":\"1-5\",\"source\":\"api\","
          + "\"comment\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(comment) + "}"));
    }
    for (String feature : List.of("dashboard", "export-csv", "reports", "billing")) {
      uses(ACME, "acme-app", feature, "long@example.com", 1);
    }
    List<String> seen = new ArrayList<>();
    JsonNode history = expect(200, analytics.history("long@example.com", "limit", "100"));
    int firstPage = history.path("feedbacks").path("data").size();
    assertTrue(firstPage > 0 && firstPage < 100, "a page of long comments stops early: " + firstPage);
    while (true) {
      assertEquals(4, history.path("interactions").size());
      JsonNode page = history.path("feedbacks");
      page.path("data").forEach(f -> seen.add(f.path("id").asText()));
      if (!page.path("has_more").asBoolean()) {
        break;
      }
      history = expect(200, analytics.history("long@example.com", "limit", "100", "after", page.path("next").asText()));
    }
    assertEquals(ids.stream().sorted(Comparator.reverseOrder()).toList(), seen);
  }

  // ---------------------------------------------------------------- reading

  private static JsonNode historyRow(String user, String feature) {
    for (JsonNode row : expect(200, analytics.history(user)).path("interactions")) {
      if ((row.path("product_key").asText() + "/" + row.path("product_feature_key").asText()).equals(feature)) {
        return row;
      }
    }
    throw new AssertionError(user + " has no row for " + feature);
  }

  /** What PromptRule says of a row as the API shows it, with the feature's settings, now. */
  private static boolean promptRule(String feature, JsonNode row) {
    PromptSettings settings = SETTINGS.get(feature);
    assertEquals(settings.interactionThreshold(), row.path("interaction_threshold").asInt());
    assertEquals(settings.rejectionThreshold(), row.path("rejection_threshold").asInt());
    var interaction = new Interaction(feature, "user", row.path("interaction_count").asInt(),
        row.path("total_interaction_count").asLong(), row.path("rejection_count").asInt(),
        row.path("last_feedback_at").isNull() ? null : Instant.parse(row.path("last_feedback_at").asText()),
        Instant.parse(row.path("created_at").asText()), Instant.parse(row.path("updated_at").asText()));
    return PromptRule.shouldRequestFeedback(interaction, settings, CLOCK.instant());
  }

  /** Every user of the feature, page after page of {@code limit}, checking each page as it comes. */
  private static List<String> walkUsers(String product, String feature, int limit, Boolean due) {
    List<String> users = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String after = null;
    while (true) {
      List<String> query = new ArrayList<>(List.of("limit", Integer.toString(limit)));
      if (due != null) {
        query.addAll(List.of("due", due.toString()));
      }
      if (after != null) {
        query.addAll(List.of("after", after));
      }
      JsonNode page = expect(200, analytics.featureUsers(product, feature, query.toArray(String[]::new)));
      assertTrue(page.path("data").size() <= limit);
      for (JsonNode user : page.path("data")) {
        String email = user.path("user_email").asText();
        assertTrue(seen.add(email), "twice: " + email);
        users.add(email);
        if (due != null) {
          assertEquals(due, user.path("should_request_feedback").asBoolean(), email);
        }
      }
      if (!page.path("has_more").asBoolean()) {
        assertTrue(page.path("next").isNull());
        return users;
      }
      assertEquals(limit, page.path("data").size(), "a page before the last is full");
      after = page.path("next").asText();
    }
  }

  private static JsonNode findUser(JsonNode page, String email) {
    for (JsonNode user : page.path("data")) {
      if (user.path("user_email").asText().equals(email)) {
        return user;
      }
    }
    return null;
  }

  private static List<Boolean> shouldFlags(JsonNode interactions) {
    return StreamSupport.stream(interactions.spliterator(), false)
        .map(i -> i.path("should_request_feedback").asBoolean()).toList();
  }

  private static void assertCounts(JsonNode node, long... expected) {
    List<Long> actual = FUNNEL_FIELDS.stream().map(name -> node.path(name).asLong()).toList();
    assertEquals(IntStream.range(0, expected.length).mapToObj(i -> expected[i]).toList(), actual,
        () -> "counts " + FUNNEL_FIELDS + " of " + node);
  }

  private static void expectInvalid(APIGatewayProxyResponseEvent response, String parameter) {
    JsonNode problem = expectProblem(400, "validation", response);
    List<String> names = new ArrayList<>();
    problem.path("invalid_params").forEach(p -> names.add(p.path("name").asText()));
    assertTrue(names.contains(parameter), () -> "invalid_params " + names + " do not name " + parameter);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  // ---------------------------------------------------------------- making the data

  private static void product(String tenant, String key) {
    var event = api("create-product.json").withBody("{\"key\":\"" + key + "\",\"name\":\"" + key + "\"}");
    expect(201, catalog.createProduct().handleRequest(asTenant(event, tenant), TestContext.of("setup")));
  }

  private static void feature(String tenant, String product, String body) {
    var event = at(api("create-feature.json"), Map.of("product_key", product)).withBody(body);
    expect(201, catalog.createFeature().handleRequest(asTenant(event, tenant), TestContext.of("setup")));
  }

  private static void patchFeature(String tenant, String product, String feature, String body) {
    var event = at(api("update-feature.json"), Map.of("product_key", product, "feature_key", feature)).withBody(body);
    expect(200, catalog.updateFeature().handleRequest(asTenant(event, tenant), TestContext.of("setup")));
  }

  private static void uses(String tenant, String product, String feature, String user, int times) {
    for (int i = 0; i < times; i++) {
      var event = at(api("increment-interaction.json"), Map.of("product_key", product, "feature_key", feature))
          .withBody("{\"user_email\":\"" + user + "\"}");
      expect(200, prompting.increment().handleRequest(asTenant(event, tenant), TestContext.of("setup")));
    }
  }

  private static void dismiss(String tenant, String product, String feature, String user) {
    var event = at(api("reject-prompt.json"), Map.of("product_key", product, "feature_key", feature))
        .withBody("{\"user_email\":\"" + user + "\"}");
    expect(200, prompting.reject().handleRequest(asTenant(event, tenant), TestContext.of("setup")));
  }

  private static String rate(String tenant, String product, String feature, String user, int rating) {
    var event = at(api("submit-feedback.json"), Map.of("product_key", product, "feature_key", feature))
        .withBody("{\"user_email\":\"" + user + "\",\"rating\":" + rating + ",\"source\":\"prompted\"}");
    // Each rating is a new one: not a retry under the file's Idempotency-Key.
    event.getHeaders().remove("Idempotency-Key");
    event.getMultiValueHeaders().remove("Idempotency-Key");
    return expect(201, prompting.submitFeedback().handleRequest(asTenant(event, tenant), TestContext.of("setup")))
        .path("id").asText();
  }

  private static String ingest(String tenant, String body) {
    return expect(201, inbox.as(tenant).create(body)).path("id").asText();
  }

  /** The event with other path parameters (and the path they make). */
  private static APIGatewayProxyRequestEvent at(APIGatewayProxyRequestEvent event, Map<String, String> parameters) {
    Map<String, String> all = new HashMap<>(event.getPathParameters());
    all.putAll(parameters);
    String path = event.getResource();
    for (var parameter : all.entrySet()) {
      path = path.replace("{" + parameter.getKey() + "}", parameter.getValue());
    }
    event.setPathParameters(all);
    event.setPath(path);
    return event;
  }
}
