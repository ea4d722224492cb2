package dev.csat.flows;

import static dev.csat.testing.Responses.expect;
import static dev.csat.testing.Responses.expectProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.csat.App;
import dev.csat.analytics.AnalyticsApi;
import dev.csat.analytics.RollupFunction;
import dev.csat.catalog.CatalogHandlers;
import dev.csat.feedback.InboxApi;
import dev.csat.testing.LocalStack;
import dev.csat.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Analytics end to end: the numbers of a known set of ratings, the rollup function and its
 * queue, tenants kept apart, and every kind of bad query refused with a 400 naming the parameter.
 */
class AnalyticsFlowTest {
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-04-01T12:00:00.000Z"));
  private static App app;
  private static InboxApi inbox;
  private static AnalyticsApi analytics;

  @BeforeAll
  static void ratings() {
    app = LocalStack.freshApp(CLOCK);
    CatalogHandlers.of(app).withStoryFeature();
    inbox = InboxApi.of(app, "acme");
    analytics = AnalyticsApi.of(app, "acme");
    // Five 1-5 ratings: 5, 5, 4, 3, 1 (two prompted in-app, the rest tickets), one 1-10 rating of 9.
    rate("{\"rating\":5,\"source\":\"prompted\",\"product_key\":\"acme-app\",\"feature_key\":\"dashboard\","
        + "\"scale\":\"1-5\",\"created_at\":\"2026-03-28T23:30:00Z\"}");
    rate("{\"rating\":5,\"source\":\"prompted\",\"product_key\":\"acme-app\",\"feature_key\":\"dashboard\","
        + "\"scale\":\"1-5\",\"created_at\":\"2026-03-29T10:00:00Z\"}");
    rate("{\"rating\":4,\"source\":\"ticket\",\"agent_id\":\"a1\",\"scale\":\"1-5\",\"created_at\":\"2026-03-29T21:59:59.999Z\"}");
    rate("{\"rating\":3,\"source\":\"ticket\",\"agent_id\":\"a1\",\"scale\":\"1-5\",\"created_at\":\"2026-03-29T22:00:00Z\"}");
    rate("{\"rating\":1,\"source\":\"ticket\",\"agent_id\":\"a2\",\"scale\":\"1-5\",\"created_at\":\"2026-03-30T08:00:00Z\"}");
    rate("{\"rating\":9,\"source\":\"survey\",\"scale\":\"1-10\",\"created_at\":\"2026-03-30T09:00:00Z\"}");
  }

  private static void rate(String body) {
    expect(201, inbox.create(body));
  }

  @Test
  void aSummaryHasEveryMetricOfEachScale() {
    JsonNode summary = expect(200, analytics.summary());
    // All time, in the default zone named as a caller would name it.
    assertEquals("{\"start_date\":null,\"end_date\":null,\"time_zone\":\"UTC\"}", summary.path("period").toString());
    assertEquals(6, summary.path("count").asInt());
    assertEquals(2, summary.path("by_source").path("prompted").asInt());
    assertEquals(0, summary.path("by_source").path("voluntary").asInt());
    assertEquals(3, summary.path("by_source").path("ticket").asInt());
    JsonNode ten = summary.path("scales").path(0);
    assertEquals("1-10", ten.path("scale").asText());
    assertEquals(100.0, ten.path("csat_percent").asDouble());
    JsonNode five = summary.path("scales").path(1);
    assertEquals("1-5", five.path("scale").asText());
    assertEquals(5, five.path("count").asInt());
    assertEquals(3.6, five.path("average").asDouble());
    assertEquals(4, five.path("median").asInt());
    assertEquals(60.0, five.path("csat_percent").asDouble());
    assertEquals(60.0, five.path("above_midpoint_percent").asDouble());
    assertEquals("{\"1\":1,\"2\":0,\"3\":1,\"4\":1,\"5\":2}", five.path("rating_distribution").toString());
    assertEquals(2, summary.path("scales").size());
  }

  @Test
  void aBerlinDaySeriesFollowsTheClockChange() {
    JsonNode series = expect(200, analytics.series("interval", "day", "time_zone", "Europe/Berlin",
        "start_date", "2026-03-29", "end_date", "2026-03-30", "scale", "1-5"));
    JsonNode sunday = series.path("periods").path(0);
    // 29 March 2026 in Berlin lasts 23 hours: 2026-03-28T23:00Z to 2026-03-29T22:00Z.
    assertEquals("2026-03-28T23:00:00.000Z", sunday.path("from").asText());
    assertEquals("2026-03-29T22:00:00.000Z", sunday.path("to").asText());
    assertEquals(3, sunday.path("count").asInt());
    assertEquals(2, series.path("periods").path(1).path("count").asInt());
  }

  @Test
  void theRollupFunctionEmptiesTheQueueAndChangesNoNumber() {
    JsonNode before = expect(200, analytics.breakdown("by", "agent"));
    Map<String, Object> run = RollupFunction.invoke(app, Duration.ofMinutes(5));
    assertEquals(true, run.get("drained"));
    assertEquals(0L, app.dataApi().query("SELECT count(*) AS queued FROM feedback_changes",
        dev.csat.data.SqlParams.of()).getFirst().longValue("queued"));
    assertEquals(before, expect(200, analytics.breakdown("by", "agent")));
    assertEquals(0L, RollupFunction.invoke(app, Duration.ofMinutes(5)).get("changes"));
    // With less than the reserve of its time left, the function leaves the work to the next run
    // (the queue is shared by every tenant; this rating is another tenant's).
    expect(201, inbox.as("initech").create("{\"rating\":2,\"source\":\"api\",\"scale\":\"1-5\"}"));
    assertEquals(false, RollupFunction.invoke(app, Duration.ofSeconds(30)).get("drained"));
    assertEquals(true, RollupFunction.invoke(app, Duration.ofMinutes(5)).get("drained"));
  }

  @Test
  void anotherTenantSeesNoneOfTheseRatings() {
    AnalyticsApi other = analytics.as("globex");
    assertEquals(0, expect(200, other.summary()).path("count").asInt());
    assertEquals(0, expect(200, other.breakdown("by", "source")).path("groups").asInt());
    JsonNode series = expect(200, other.series("start_date", "2026-03-29", "end_date", "2026-03-30"));
    series.path("periods").forEach(period -> assertEquals(0, period.path("count").asInt()));
  }

  static Stream<Arguments> badQueries() {
    return Stream.of(
        bad("summary", "colour", "colour", "red"),
        bad("summary", "state", "state", "open"),
        bad("summary", "q", "q", "refund"),
        bad("summary", "agent_id", "company_id", "c1", "agent_id", "a1"),
        bad("summary", "feature_key", "feature_key", "dashboard"),
        bad("summary", "time_zone", "time_zone", "+02:00"),
        bad("summary", "time_zone", "time_zone", "Mars/Olympus"),
        bad("summary", "start_date", "start_date", "1999-12-31"),
        bad("summary", "end_date", "start_date", "2026-03-02", "end_date", "2026-03-01"),
        bad("summary", "score", "score", "11"),
        bad("summary", "scale", "scale", "1-7"),
        bad("summary", "source", "source", "fax"),
        bad("summary", "company_id", "company_id", "a b"),
        bad("series", "start_date", "end_date", "2026-03-01"),
        bad("series", "interval", "interval", "hour", "start_date", "2026-03-01", "end_date", "2026-03-02"),
        bad("series", "end_date", "start_date", "2020-01-01", "end_date", "2026-01-01"),
        bad("series", "interval", "interval", "day", "interval", "week", "start_date", "2026-03-01",
            "end_date", "2026-03-02"),
        bad("breakdown", "by"),
        bad("breakdown", "by", "by", "colour"),
        bad("breakdown", "by", "by", "agent", "company_id", "c1"),
        bad("breakdown", "limit", "by", "agent", "limit", "0"),
        bad("breakdown", "limit", "by", "agent", "limit", "101"));
  }

  @Test
  void aFilterTakesAtMostAHundredValues() {
    String hundred = String.join(",", Stream.iterate(1, i -> i + 1).limit(100).map(i -> "a" + i).toList());
    // Kolkata's half-hour days and a source and a score filter make a long statement; a hundred
    // values keep it within the Data API's 64 KiB (TallySqlTest builds the longest ones).
    JsonNode series = expect(200, analytics.series("start_date", "2025-01-01", "end_date", "2026-12-31",
        "time_zone", "Asia/Kolkata", "agent_id", hundred, "source", "ticket,survey,api", "score", "1,3"));
    assertEquals(730, series.path("periods").size());
    assertEquals(2, expect(200, analytics.breakdown("by", "agent", "agent_id", hundred)).path("groups").asInt());
    JsonNode problem = expectProblem(400, "validation", analytics.summary("agent_id", hundred + ",a101"));
    assertEquals("must be at most 100 values", problem.path("invalid_params").get(0).path("reason").asText());
  }

  @Test
  void aDateBefore1970IsOutOfRangeNotMalformed() {
    JsonNode problem = expectProblem(400, "validation", analytics.summary("start_date", "1900-01-01"));
    assertEquals("must be a date from 1970-01-01 to 9999-12-31",
        problem.path("invalid_params").get(0).path("reason").asText());
  }

  private static Arguments bad(String operation, String named, String... query) {
    return Arguments.of(operation, named, List.of(query));
  }

  @ParameterizedTest(name = "{0} {2} names {1}")
  @MethodSource("badQueries")
  void aBadQueryIsA400NamingTheParameter(String operation, String named, List<String> query) {
    String[] parameters = query.toArray(String[]::new);
    JsonNode problem = expectProblem(400, "validation", switch (operation) {
      case "summary" -> analytics.summary(parameters);
      case "series" -> analytics.series(parameters);
      default -> analytics.breakdown(parameters);
    });
    List<String> names = new ArrayList<>();
    problem.path("invalid_params").forEach(param -> names.add(param.path("name").asText()));
    assertTrue(names.contains(named), () -> "expected a problem with " + named + " in " + problem);
  }
}
