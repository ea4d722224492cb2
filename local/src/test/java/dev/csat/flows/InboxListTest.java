package dev.csat.flows;

import static dev.csat.testing.Responses.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csat.App;
import dev.csat.catalog.CatalogHandlers;
import dev.csat.feedback.InboxApi;
import dev.csat.testing.LocalStack;
import dev.csat.testing.MutableClock;
import dev.csat.testing.RandomRatings;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lists, counts, the filter language and exports of the inbox, each checked against a plain Java
 * reading of the same feedbacks: every filter, every sort both ways, pages walked forwards and
 * back, offset pages, exports in parts.
 */
class InboxListTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-06-01T00:00:00.000Z"));
  private static final String[] STATES = {"open", "in_progress", "done"};
  private static InboxApi inbox;
  /** Every feedback of tenant acme as stored, in creation order. */
  private static final List<JsonNode> ALL = new ArrayList<>();

  @BeforeAll
  static void feedbacks() {
    App app = LocalStack.freshApp(CLOCK);
    CatalogHandlers.of(app).withStoryFeature();
    inbox = InboxApi.of(app, "acme");
    Random random = new Random(42);
    Instant time = Instant.parse("2026-03-01T00:00:00.000Z");
    for (int i = 0; i < 90; i++) {
      // Steps of 5 to 11 hours cross Berlin's midnights and its DST change on 2026-03-29.
      time = time.plus(Duration.ofMinutes(300 + random.nextInt(360))).plusMillis(random.nextInt(1000));
      ALL.add(expect(201, inbox.create(body(i, random, time))));
    }
    // Work some of them, so updated_at differs from created_at.
    for (int i = 0; i < ALL.size(); i += 4) {
      CLOCK.advance(Duration.ofMinutes(1));
      String state = STATES[(i / 4) % 3];
      ALL.set(i, expect(200, inbox.setState(ALL.get(i).path("id").asText(), "{\"state\":\"" + state + "\"}")));
    }
    expect(201, inbox.as("globex").create("{\"rating\":5,\"scale\":\"1-5\",\"source\":\"ticket\",\"reference\":\"T-1\"}"));
  }

  private static String body(int i, Random random, Instant time) {
    ObjectNode body = JSON.createObjectNode();
    RandomRatings.put(body, random);
    body.put("created_at", time.toString());
    putSome(body, random, "product_key", "acme-app");
    putSome(body, random, "platform", "web", "whatsapp", "email");
    putSome(body, random, "reference", "T-" + random.nextInt(30), "T-1" + random.nextInt(5));
    putSome(body, random, "company_id", "100", "200", "300");
    putSome(body, random, "agent_id", "1", "2", "3");
    putSome(body, random, "carrier", "fedex", "dhl");
    body.put("country", new String[] {"MX", "DE", "US"}[random.nextInt(3)]);
    body.put("user_email", "user" + i % 20 + "@example.com");
    int comment = random.nextInt(6);
    if (comment > 1) {
      body.put("comment", switch (comment) {
        case 2 -> "Asked for a REFUND, got it, \"fine\"";
        case 3 -> "50%_off was not applied";
        case 4 -> "Schnelle Lieferung, danke " + i;
        default -> "Good service " + i;
      });
    }
    return body.toString();
  }

  private static void putSome(ObjectNode body, Random random, String field, String... values) {
    int pick = random.nextInt(values.length + 1);
    if (pick < values.length) {
      body.put(field, values[pick]);
    }
  }

  // ------------------------------------------------------------------ sorts and keyset pages

  static Stream<Arguments> sorts() {
    return Stream.of("created_at", "updated_at", "rating", "source", "reference", "company_id")
        .flatMap(field -> Stream.of(Arguments.of(field, "desc"), Arguments.of(field, "asc")));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("sorts")
  void pagesWalkTheWholeListForwardsAndBack(String field, String direction) {
    List<String> expected = ids(sorted(ALL, field, direction));
    List<List<String>> pages = new ArrayList<>();
    JsonNode page = expect(200, inbox.list("order_by", field, "direction", direction, "limit", "7"));
    assertTrue(page.path("previous").isNull(), "the first page has no previous");
    pages.add(ids(page));
    while (page.path("has_more").asBoolean()) {
      page = expect(200, inbox.list("order_by", field, "direction", direction, "limit", "7",
          "after", page.path("next").asText()));
      pages.add(ids(page));
    }
    assertTrue(page.path("next").isNull(), "the last page has no next");
    assertEquals(expected, pages.stream().flatMap(List::stream).toList());

    List<List<String>> backwards = new ArrayList<>();
    backwards.add(ids(page));
    while (!page.path("previous").isNull()) {
      page = expect(200, inbox.list("order_by", field, "direction", direction, "limit", "7",
          "before", page.path("previous").asText()));
      assertTrue(page.path("has_more").asBoolean());
      backwards.add(ids(page));
    }
    Collections.reverse(backwards);
    assertEquals(expected, backwards.stream().flatMap(List::stream).toList());
  }

  @Test
  void theDefaultIsNewestFirstTenAtATime() {
    JsonNode page = expect(200, inbox.list());
    assertEquals(ids(sorted(ALL, "created_at", "desc")).subList(0, 10), ids(page));
    assertTrue(page.path("has_more").asBoolean());
  }

  // ------------------------------------------------------------------ filters

  static Stream<Arguments> filters() {
    return Stream.of(
        filter(has("source", "ticket", "carrier"), "source", "ticket,carrier"),
        filter(has("source", "ticket", "carrier"), "source", "ticket", "source", "carrier"),
        filter(has("platform", "whatsapp"), "platform", "whatsapp"),
        filter(f -> Set.of(1, 2).contains(f.path("rating").asInt()), "score", "1,2"),
        filter(has("company_id", "100"), "company_id", "100"),
        filter(has("agent_id", "1", "2"), "agent_id", "1,2"),
        filter(has("carrier", "fedex"), "carrier", "fedex"),
        filter(has("country", "MX"), "country", "mx"),
        filter(has("state", "open"), "state", "open"),
        filter(has("product_key", "acme-app"), "product_key", "acme-app"),
        filter(f -> !f.path("comment").isNull(), "has_comment", "true"),
        filter(f -> f.path("comment").isNull(), "has_comment", "false"),
        filter(f -> f.path("comment").asText().toLowerCase().contains("refund"), "q", "Refund"),
        filter(f -> f.path("comment").asText().contains("50%_off"), "q", "50%_off"),
        filter(f -> f.path("comment").asText().contains("\"fine\""), "q", "\"fine\""),
        filter(inBerlin("2026-03-28", "2026-03-30"), "start_date", "2026-03-28", "end_date", "2026-03-30",
            "time_zone", "Europe/Berlin"),
        filter(inBerlin("2026-03-29", "2026-03-29"), "start_date", "2026-03-29", "end_date", "2026-03-29",
            "time_zone", "Europe/Berlin"),
        filter(f -> f.path("created_at").asText().compareTo("2026-03-20") >= 0, "start_date", "2026-03-20"),
        filter(has("source", "ticket").and(f -> f.path("rating").asInt() <= 3).and(has("state", "open", "done")),
            "source", "ticket", "score", "0,1,2,3", "state", "open,done", "order_by", "rating", "direction", "asc"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("filters")
  void everyFilterSelectsWhatItSays(Predicate<JsonNode> filter, List<String> query) {
    List<String> params = new ArrayList<>(query);
    String field = valueOf(params, "order_by", "created_at");
    String direction = valueOf(params, "direction", "desc");
    List<String> expected = ids(sorted(ALL.stream().filter(filter).toList(), field, direction));
    assertFalse(expected.isEmpty(), "the data has rows for this filter");

    params.addAll(List.of("limit", "100"));
    JsonNode page = expect(200, inbox.list(params.toArray(String[]::new)));
    assertEquals(expected, ids(page));
    assertEquals(expected.size(), expect(200, inbox.count(query.toArray(String[]::new))).path("count").asLong());
  }

  @Test
  void offsetPagesCountTheTenantAndTheFilter() {
    List<String> expected = ids(sorted(ALL.stream().filter(has("state", "done")).toList(), "rating", "desc"));
    JsonNode table = expect(200, inbox.list("state", "done", "order_by", "rating", "start", "5", "limit", "10",
        "draw", "3"));
    assertEquals(expected.subList(5, Math.min(15, expected.size())), ids(table));
    assertEquals(3, table.path("draw").asInt());
    assertEquals(ALL.size(), table.path("records_total").asLong());
    assertEquals(expected.size(), table.path("records_filtered").asLong());

    JsonNode beyond = expect(200, inbox.list("state", "done", "start", "10000"));
    assertEquals(0, beyond.path("data").size());
    assertEquals(expected.size(), beyond.path("records_filtered").asLong());
  }

  // ------------------------------------------------------------------ the filter language

  static Stream<Arguments> searches() {
    return Stream.of(
        search(f -> true, "{}"),
        search(has("state", "done"), """
            {"order_by":{"direction":"desc","order_by_type":"created_at"},
             "query":[{"filter_type":"state","operator":"eq","value":"done"}]}"""),
        search(f -> f.path("rating").asInt() <= 2 && !f.path("state").asText().equals("done"), """
            {"query":[{"filter_type":"rating","operator":"lte","value":2},
                      {"filter_type":"state","operator":"neq","value":"done"}]}"""),
        search(f -> !f.path("company_id").asText().equals("100"), """
            {"query":[{"filter_type":"company_id","operator":"not_in","value":["100"]}]}"""),
        search(f -> !f.path("carrier").asText().equals("dhl"), """
            {"query":[{"filter_type":"carrier","operator":"neq","value":"dhl"}]}"""),
        search(f -> f.path("comment").asText().toLowerCase().contains("refund"), """
            {"query":[{"filter_type":"comment","operator":"ilike","value":"%refund%"}]}"""),
        search(f -> f.path("reference").asText().startsWith("T-1"), """
            {"query":[{"filter_type":"reference","operator":"like","value":"T-1%"}],
             "order_by":{"order_by_type":"reference","direction":"asc"}}"""),
        search(f -> Set.of("survey", "api").contains(f.path("source").asText()) && f.path("rating").asInt() > 0, """
            {"query":[{"filter_type":"source","operator":"in","value":["survey","api"]},
                      {"filter_type":"rating","operator":"gt","value":0}]}"""),
        search(f -> f.path("created_at").asText().compareTo("2026-03-20T00:00:00.000Z") >= 0
                && f.path("created_at").asText().compareTo("2026-04-10T12:00:00.000Z") < 0, """
            {"query":[{"filter_type":"created_at","operator":"gte","value":"2026-03-20T01:00:00+01:00"},
                      {"filter_type":"created_at","operator":"lt","value":"2026-04-10T12:00:00Z"}]}"""),
        search(f -> f.path("updated_at").asText().compareTo(f.path("created_at").asText()) > 0
                && f.path("updated_at").asText().compareTo("2026-05-01") > 0, """
            {"query":[{"filter_type":"updated_at","operator":"gt","value":"2026-05-01T00:00:00Z"}],
             "order_by":{"order_by_type":"updated_at","direction":"asc"}}"""),
        search(has("scale", "thumbs").and(has("country", "DE")), """
            {"query":[{"filter_type":"scale","operator":"eq","value":"thumbs"},
                      {"filter_type":"country","operator":"eq","value":"de"}]}"""),
        search(f -> f.path("user_email").asText().equals("user3@example.com"), """
            {"query":[{"filter_type":"user_email","operator":"eq","value":"User3@Example.com"}]}"""),
        search(f -> f.path("rating").asInt() >= 6 && f.path("created_at").asText().compareTo("2026-03-10") >= 0, """
            {"query":[{"filter_type":"rating","operator":"gte","value":6},
                      {"filter_type":"created_at","operator":"gte","value":"2026-03-10T00:00:00Z"}],
             "order_by":{"order_by_type":"rating","direction":"desc"}}"""),
        search(f -> !Set.of("ticket", "api").contains(f.path("source").asText()), """
            {"query":[{"filter_type":"source","operator":"not_in","value":["ticket","api"]}],
             "order_by":{"order_by_type":"source","direction":"asc"}}"""),
        search(f -> !f.path("comment").isNull(), """
            {"query":[{"filter_type":"has_comment","operator":"eq","value":true}]}"""));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("searches")
  void theFilterLanguageSelectsWhatItSays(Predicate<JsonNode> filter, String body) throws Exception {
    JsonNode request = JSON.readTree(body);
    String field = request.path("order_by").path("order_by_type").asText("created_at");
    String direction = request.path("order_by").path("direction").asText("desc");
    List<String> expected = ids(sorted(ALL.stream().filter(filter).toList(), field, direction));
    assertFalse(expected.isEmpty(), "the data has rows for this filter");

    List<String> found = new ArrayList<>();
    JsonNode page = expect(200, inbox.search(withPage(request, null)));
    found.addAll(ids(page));
    while (page.path("has_more").asBoolean()) {
      page = expect(200, inbox.search(withPage(request, page.path("next").asText())));
      found.addAll(ids(page));
    }
    assertEquals(expected, found);
    assertEquals(expected.size(), expect(200, inbox.countSearch(body)).path("count").asLong());
  }

  private static String withPage(JsonNode request, String after) {
    ObjectNode paged = request.deepCopy();
    paged.put("limit", 25);
    if (after != null) {
      paged.put("after", after);
    }
    return paged.toString();
  }

  // ------------------------------------------------------------------ exports

  @Test
  void aCsvExportInPartsHoldsTheListsRowsOnce() {
    List<String> expected = ids(sorted(ALL.stream().filter(has("source", "ticket", "shop", "api")).toList(),
        "company_id", "asc"));
    StringBuilder csv = new StringBuilder();
    String cursor = null;
    int parts = 0;
    do {
      List<String> query = new ArrayList<>(List.of("source", "ticket,shop,api", "order_by", "company_id",
          "direction", "asc"));
      if (cursor != null) {
        query.addAll(List.of("after", cursor));
      }
      var part = inbox.exportInParts(4, 1, query.toArray(String[]::new));
      assertEquals(200, part.getStatusCode(), part::getBody);
      assertEquals("text/csv; charset=utf-8", part.getHeaders().get("Content-Type"));
      csv.append(part.getBody());
      cursor = part.getHeaders().get("X-Next-Cursor");
      parts++;
    } while (cursor != null);
    String[] lines = csv.toString().split("\r\n");
    assertTrue(lines[0].startsWith("id,created_at,updated_at,rating,scale,source"), lines[0]);
    assertEquals(expected, Arrays.stream(lines).skip(1).map(line -> line.substring(0, 36)).toList());
    assertTrue(parts >= expected.size() / 4, "the export came in parts: " + parts);
    assertTrue(csv.toString().contains("\"Asked for a REFUND, got it, \"\"fine\"\"\""), "quoted as RFC 4180 says");
  }

  @Test
  void anNdjsonExportIsTheListLineByLine() throws Exception {
    var part = inbox.export("format", "ndjson", "has_comment", "true");
    assertEquals("application/x-ndjson", part.getHeaders().get("Content-Type"));
    assertNull(part.getHeaders().get("X-Next-Cursor"), "small exports come in one part");
    List<JsonNode> lines = new ArrayList<>();
    for (String line : part.getBody().split("\n")) {
      lines.add(JSON.readTree(line));
    }
    assertEquals(sorted(ALL.stream().filter(f -> !f.path("comment").isNull()).toList(), "created_at", "desc"), lines);
  }

  // ------------------------------------------------------------------ the reference reading

  private static Arguments filter(Predicate<JsonNode> filter, String... query) {
    return Arguments.of(filter, List.of(query));
  }

  private static Arguments search(Predicate<JsonNode> filter, String body) {
    return Arguments.of(filter, body);
  }

  private static Predicate<JsonNode> has(String field, String... values) {
    return feedback -> !feedback.path(field).isNull() && Set.of(values).contains(feedback.path(field).asText());
  }

  private static Predicate<JsonNode> inBerlin(String from, String to) {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    Instant start = LocalDate.parse(from).atStartOfDay(berlin).toInstant();
    Instant end = LocalDate.parse(to).plusDays(1).atStartOfDay(berlin).toInstant();
    return feedback -> {
      Instant created = Instant.parse(feedback.path("created_at").asText());
      return !created.isBefore(start) && created.isBefore(end);
    };
  }

  private static List<JsonNode> sorted(List<JsonNode> feedbacks, String field, String direction) {
    Comparator<JsonNode> byField = switch (field) {
      case "created_at" -> Comparator.comparing(f -> "");
      case "rating" -> Comparator.comparingInt(f -> f.path("rating").asInt());
      default -> Comparator.comparing(f -> f.path(field).asText(""));
    };
    Comparator<JsonNode> order = byField.thenComparing(f -> f.path("id").asText());
    return feedbacks.stream().sorted(direction.equals("asc") ? order : order.reversed()).toList();
  }

  private static String valueOf(List<String> query, String name, String absent) {
    int at = query.indexOf(name);
    return at >= 0 && at % 2 == 0 ? query.get(at + 1) : absent;
  }

  private static List<String> ids(List<JsonNode> feedbacks) {
    return feedbacks.stream().map(f -> f.path("id").asText()).toList();
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.path("data").forEach(f -> ids.add(f.path("id").asText()));
    return ids;
  }
}
