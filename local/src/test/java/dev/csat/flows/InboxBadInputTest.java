package dev.csat.flows;

import static dev.csat.testing.Responses.expect;
import static dev.csat.testing.Responses.expectProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.csat.App;
import dev.csat.catalog.CatalogHandlers;
import dev.csat.feedback.InboxApi;
import dev.csat.testing.LocalStack;
import dev.csat.testing.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input to the inbox is a 400 naming the parameter, and changes nothing. */
class InboxBadInputTest {
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-04-10T14:30:00.000Z"));
  private static InboxApi inbox;
  private static String cursor;

  @BeforeAll
  static void feedbacks() {
    App app = LocalStack.freshApp(CLOCK);
    CatalogHandlers.of(app).withStoryFeature();
    inbox = InboxApi.of(app, "acme");
    for (int i = 0; i < 3; i++) {
      expect(201, inbox.create("{\"rating\":" + (i + 3) + ",\"scale\":\"1-5\",\"source\":\"ticket\"}"));
    }
    cursor = expect(200, inbox.list("limit", "1")).path("next").asText();
  }

  static Stream<Arguments> badQueries() {
    return Stream.of(
        bad("limit", "limit", "0"),
        bad("limit", "limit", "101"),
        bad("limit", "limit", "ten"),
        bad("order_by", "order_by", "colour"),
        bad("direction", "direction", "up"),
        bad("after", "after", "not-a-cursor"),
        bad("after", "after", "eyJh.eyJh"),
        bad("before", "after", "CURSOR", "before", "CURSOR"),
        bad("start", "start", "0", "after", "CURSOR"),
        bad("start", "start", "-1"),
        bad("start", "start", "100001"),
        bad("start_date", "start_date", "2026-13-01"),
        bad("end_date", "end_date", "10/04/2026"),
        bad("end_date", "start_date", "2026-04-10", "end_date", "2026-04-09"),
        bad("time_zone", "time_zone", "Mars/Olympus"),
        bad("time_zone", "time_zone", "+02:00"),
        bad("score", "score", "11"),
        bad("score", "score", "four"),
        bad("source", "source", "email"),
        bad("state", "state", "closed"),
        bad("country", "country", "MEX"),
        bad("company_id", "company_id", "a b"),
        bad("has_comment", "has_comment", "yes"),
        bad("q", "q", ""),
        bad("colour", "colour", "red"),
        bad("limit", "limit", "1", "limit", "2"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badQueries")
  void aBadQueryIsA400NamingIt(String name, List<String> query) {
    String[] params = query.stream().map(value -> value.equals("CURSOR") ? cursor : value).toArray(String[]::new);
    assertNamed(name, expectProblem(400, "validation", inbox.list(params)));
  }

  @Test
  void aCursorOnlyWorksWithTheQueryThatMadeIt() {
    assertNamed("after", expectProblem(400, "validation", inbox.list("after", cursor, "state", "open")));
    assertNamed("after", expectProblem(400, "validation", inbox.list("after", cursor, "order_by", "rating")));
    assertNamed("after", expectProblem(400, "validation", inbox.as("globex").list("after", cursor)));
    String tampered = cursor.substring(0, 5) + (cursor.charAt(5) == 'A' ? 'B' : 'A') + cursor.substring(6);
    assertNamed("after", expectProblem(400, "validation", inbox.list("after", tampered)));
    assertEquals(1, expect(200, inbox.list("after", cursor, "limit", "1")).path("data").size());
  }

  static Stream<Arguments> badSearches() {
    return Stream.of(
        named("query[0].filter_type", "{\"query\":[{\"filter_type\":\"colour\",\"operator\":\"eq\",\"value\":\"red\"}]}"),
        named("query[0].operator", "{\"query\":[{\"filter_type\":\"state\",\"operator\":\"between\",\"value\":\"done\"}]}"),
        named("query[0].operator", "{\"query\":[{\"filter_type\":\"state\",\"operator\":\"gt\",\"value\":\"done\"}]}"),
        named("query[0].operator", "{\"query\":[{\"filter_type\":\"comment\",\"operator\":\"eq\",\"value\":\"x\"}]}"),
        named("query[0].value", "{\"query\":[{\"filter_type\":\"state\",\"operator\":\"eq\",\"value\":\"closed\"}]}"),
        named("query[0].value", "{\"query\":[{\"filter_type\":\"rating\",\"operator\":\"eq\",\"value\":\"5\"}]}"),
        named("query[0].value", "{\"query\":[{\"filter_type\":\"rating\",\"operator\":\"eq\",\"value\":11}]}"),
        named("query[0].value", "{\"query\":[{\"filter_type\":\"rating\",\"operator\":\"in\",\"value\":[]}]}"),
        named("query[0].value[1]", "{\"query\":[{\"filter_type\":\"rating\",\"operator\":\"in\",\"value\":[1,2.5]}]}"),
        named("query[0].value", "{\"query\":[{\"filter_type\":\"created_at\",\"operator\":\"gte\",\"value\":\"yesterday\"}]}"),
        named("query[0].value", "{\"query\":[{\"filter_type\":\"company_id\",\"operator\":\"eq\",\"value\":{\"id\":1}}]}"),
        named("query[0].value", "{\"query\":[{\"filter_type\":\"agent_id\",\"operator\":\"eq\"}]}"),
        named("query[0].unit", "{\"query\":[{\"filter_type\":\"rating\",\"operator\":\"eq\",\"value\":1,\"unit\":\"x\"}]}"),
        named("query[1]", "{\"query\":[{\"filter_type\":\"rating\",\"operator\":\"eq\",\"value\":1}, 7]}"),
        named("query", "{\"query\":{\"filter_type\":\"rating\"}}"),
        named("order_by.order_by_type", "{\"order_by\":{\"order_by_type\":\"colour\"}}"),
        named("order_by.direction", "{\"order_by\":{\"direction\":\"sideways\"}}"),
        named("limit", "{\"limit\":0}"),
        named("page", "{\"page\":2}"),
        named("body", "[]"),
        named("body", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSearches")
  void aBadSearchIsA400NamingIt(String name, String body) {
    assertNamed(name, expectProblem(400, "validation", inbox.search(body)));
    if (!name.equals("limit")) {
      assertNamed(name, expectProblem(400, "validation", inbox.countSearch(body)));
    }
  }

  static Stream<Arguments> badFeedbacks() {
    return Stream.of(
        named("rating", "{\"source\":\"ticket\"}"),
        named("source", "{\"rating\":3}"),
        named("source", "{\"rating\":3,\"source\":\"email\"}"),
        named("rating", "{\"rating\":7,\"scale\":\"1-5\",\"source\":\"ticket\"}"),
        named("rating", "{\"rating\":0,\"source\":\"ticket\"}"),
        named("rating", "{\"rating\":2,\"scale\":\"thumbs\",\"source\":\"ticket\"}"),
        named("scale", "{\"rating\":3,\"scale\":\"stars\",\"source\":\"ticket\"}"),
        named("feature_key", "{\"rating\":3,\"source\":\"ticket\",\"feature_key\":\"dashboard\"}"),
        named("product_key", "{\"rating\":3,\"source\":\"ticket\",\"product_key\":\"no-such-app\"}"),
        named("feature_key", "{\"rating\":3,\"source\":\"ticket\",\"product_key\":\"acme-app\",\"feature_key\":\"nope\"}"),
        named("user_email", "{\"rating\":3,\"source\":\"ticket\",\"user_email\":\"not an email\"}"),
        named("country", "{\"rating\":3,\"source\":\"ticket\",\"country\":\"Mexico\"}"),
        named("metadata", "{\"rating\":3,\"source\":\"ticket\",\"metadata\":[1,2]}"),
        named("metadata", "{\"rating\":3,\"source\":\"ticket\",\"metadata\":{\"x\":\"" + "y".repeat(5000) + "\"}}"),
        named("comment", "{\"rating\":3,\"source\":\"ticket\",\"comment\":\"" + "y".repeat(10_001) + "\"}"),
        named("comment", "{\"rating\":3,\"source\":\"ticket\",\"comment\":\"bell \\u0007\"}"),
        named("comment", "{\"rating\":3,\"source\":\"ticket\",\"comment\":\"nul \\u0000\"}"),
        named("agent_name", "{\"rating\":3,\"source\":\"ticket\",\"agent_name\":\"Nobody\"}"),
        named("state", "{\"rating\":3,\"source\":\"ticket\",\"state\":\"closed\"}"),
        named("created_at", "{\"rating\":3,\"source\":\"ticket\",\"created_at\":\"2026-04-10\"}"),
        named("id", "{\"rating\":3,\"source\":\"ticket\",\"id\":\"019a6b1e-7c40-7d2a-9b1e-3f0c5a7d9e21\"}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFeedbacks")
  void aBadFeedbackIsA400AndStoresNothing(String name, String body) {
    long before = expect(200, inbox.count()).path("count").asLong();
    assertNamed(name, expectProblem(400, "validation", inbox.create(body)));
    assertEquals(before, expect(200, inbox.count()).path("count").asLong());
  }

  @Test
  void badFollowUpsAndIdsAre400s() {
    String id = expect(200, inbox.list("limit", "1")).path("data").path(0).path("id").asText();
    assertNamed("comment", expectProblem(400, "validation", inbox.addFollowUp(id, "{\"comment\":\"  \"}")));
    assertNamed("comment", expectProblem(400, "validation", inbox.addFollowUp(id, "{}")));
    assertNamed("feedback_id", expectProblem(400, "validation", inbox.addFollowUp("42", "{\"comment\":\"x\"}")));
    assertTrue(expect(200, inbox.get(id)).path("follow_up").isNull());
    assertNamed("format", expectProblem(400, "validation", inbox.export("format", "xlsx")));
  }

  private static void assertNamed(String name, JsonNode problem) {
    List<String> names = new ArrayList<>();
    problem.path("invalid_params").forEach(param -> names.add(param.path("name").asText()));
    assertTrue(names.contains(name), () -> "expected a problem with " + name + " in " + problem);
  }

  private static Arguments bad(String name, String... query) {
    return Arguments.of(name, List.of(query));
  }

  /** A body and the parameter its problem must name. */
  private static Arguments named(String name, String body) {
    return Arguments.of(name, body);
  }
}
