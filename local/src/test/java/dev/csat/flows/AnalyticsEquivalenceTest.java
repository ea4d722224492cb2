package dev.csat.flows;

import static dev.csat.testing.Responses.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csat.App;
import dev.csat.analytics.AnalyticsApi;
import dev.csat.catalog.CatalogHandlers;
import dev.csat.data.SqlParams;
import dev.csat.feedback.InboxApi;
import dev.csat.testing.LocalStack;
import dev.csat.testing.MutableClock;
import dev.csat.testing.RandomRatings;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Analytics equal a full recount: random feedbacks (crowded around local midnights, DST changes
 * and quarter-hour offsets), some rolled up in odd batches, some still queued, some deleted after
 * being rolled up; every summary, series and breakdown is compared with a plain Java count of
 * the same feedbacks, in time zones with whole-hour, half-hour and 45-minute offsets and with
 * DST shifts of an hour and of half an hour.
 */
class AnalyticsEquivalenceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-06-01T00:00:00.000Z"));
  private static final List<String> ZONES = List.of("UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata",
      "Asia/Kathmandu", "Australia/Lord_Howe");
  private static final LocalDate FIRST_DAY = LocalDate.parse("2025-09-01");
  private static final LocalDate LAST_DAY = LocalDate.parse("2026-05-31");

  /** A stored feedback as analytics see it. */
  private record Rating(String id, Instant at, String scale, int rating, String source, String product,
      String feature, String platform, String company, String agent, String carrier) {}

  private static final List<Rating> RATINGS = new ArrayList<>();
  private static AnalyticsApi analytics;

  @BeforeAll
  static void feedbacks() {
    App app = LocalStack.freshApp(CLOCK);
    CatalogHandlers.of(app).withStoryFeature();
    InboxApi inbox = InboxApi.of(app, "acme");
    InboxApi other = inbox.as("globex");
    analytics = AnalyticsApi.of(app, "acme");
    Random random = new Random(7);
    List<Instant> times = times(random);
    for (int i = 0; i < times.size(); i++) {
      RATINGS.add(create(inbox, random, times.get(i)));
      if (i % 10 == 0) {
        expect(201, other.create(body(random, times.get(i), false).toString()));
      }
      if (i == times.size() / 3) {
        analytics.rollUp(37);
      }
      if (i == 2 * times.size() / 3) {
        analytics.rollUp(1000);
      }
    }
    // Deleted ratings leave the counts, whether they were rolled up (the first ones) or still queued.
    List<Rating> deleted = new ArrayList<>();
    for (int i = 0; i < RATINGS.size(); i += 25) {
      deleted.add(RATINGS.get(i));
      app.dataApi().query("DELETE FROM feedbacks WHERE id = CAST(:id AS uuid)",
          SqlParams.of().text("id", RATINGS.get(i).id()));
    }
    RATINGS.removeAll(deleted);
    assertTrue(RATINGS.size() > 400, "enough ratings to compare");
  }

  /** Uniform times, plus times near local midnights and DST changes of each zone, plus exact boundaries. */
  private static List<Instant> times(Random random) {
    List<Instant> times = new ArrayList<>();
    long start = FIRST_DAY.atStartOfDay(ZoneId.of("UTC")).toEpochSecond();
    long end = LAST_DAY.plusDays(1).atStartOfDay(ZoneId.of("UTC")).toEpochSecond();
    for (int i = 0; i < 200; i++) {
      times.add(Instant.ofEpochSecond(start + (long) (random.nextDouble() * (end - start)), random.nextInt(1000) * 1_000_000L));
    }
    List<LocalDate> days = List.of(LocalDate.parse("2025-10-05"), LocalDate.parse("2025-10-26"),
        LocalDate.parse("2025-11-02"), LocalDate.parse("2025-12-31"), LocalDate.parse("2026-01-01"),
        LocalDate.parse("2026-03-08"), LocalDate.parse("2026-03-29"), LocalDate.parse("2026-03-30"),
        LocalDate.parse("2026-03-31"), LocalDate.parse("2026-04-01"), LocalDate.parse("2026-04-05"));
    for (String zone : ZONES) {
      for (LocalDate day : days) {
        Instant midnight = day.atStartOfDay(ZoneId.of(zone)).toInstant();
        times.add(midnight);
        times.add(midnight.minusMillis(1));
        times.add(midnight.plus(Duration.ofMinutes(random.nextInt(240) - 120)));
        // The DST change itself (01:00 to 03:00 local, or half an hour at Lord Howe).
        times.add(day.atTime(2, 0).atZone(ZoneId.of(zone)).toInstant().plusSeconds(random.nextInt(7200) - 3600));
      }
    }
    times.sort(Comparator.naturalOrder());
    return times;
  }

  private static Rating create(InboxApi inbox, Random random, Instant at) {
    JsonNode stored = expect(201, inbox.create(body(random, at, true).toString()));
    return new Rating(stored.get("id").asText(), Instant.parse(stored.get("created_at").asText()),
        stored.get("scale").asText(), stored.get("rating").asInt(), stored.get("source").asText(),
        text(stored, "product_key"), text(stored, "feature_key"), text(stored, "platform"),
        text(stored, "company_id"), text(stored, "agent_id"), text(stored, "carrier"));
  }

  private static ObjectNode body(Random random, Instant at, boolean withCatalogue) {
    ObjectNode body = JSON.createObjectNode();
    RandomRatings.put(body, random);
    body.put("created_at", at.toString());
    body.put("user_email", "user" + random.nextInt(30) + "@example.com");
    int product = random.nextInt(3);
    if (product > 0 && withCatalogue) {
      body.put("product_key", "acme-app");
      if (product > 1) {
        body.put("feature_key", "dashboard");
      }
    }
    putSome(body, random, "platform", "web", "whatsapp", "email");
    putSome(body, random, "company_id", "c1", "c2", "c3", "c4", "c5");
    putSome(body, random, "agent_id", "a1", "a2", "a3");
    putSome(body, random, "carrier", "fedex", "dhl");
    return body;
  }

  private static void putSome(ObjectNode body, Random random, String field, String... values) {
    int pick = random.nextInt(values.length + 1);
    if (pick < values.length) {
      body.put(field, values[pick]);
    }
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : null;
  }

  static Stream<Arguments> zonesAndIntervals() {
    return ZONES.stream().flatMap(zone -> Stream.of("day", "week", "month", "quarter")
        .map(interval -> Arguments.of(zone, interval)));
  }

  @ParameterizedTest(name = "{1} series in {0}")
  @MethodSource("zonesAndIntervals")
  void everyPeriodOfASeriesEqualsARecount(String zone, String interval) {
    JsonNode series = expect(200, analytics.series("interval", interval, "time_zone", zone,
        "start_date", FIRST_DAY.toString(), "end_date", LAST_DAY.toString()));
    JsonNode periods = series.get("periods");
    ZoneId zoneId = ZoneId.of(zone);
    long total = 0;
    for (JsonNode period : periods) {
      LocalDate day = LocalDate.parse(period.get("start_date").asText());
      Instant from = day.atStartOfDay(zoneId).toInstant();
      assertEquals(from, Instant.parse(period.get("from").asText()), "period start of " + day);
      Instant to = Instant.parse(period.get("to").asText());
      assertTagsEqual(recount(rating -> !rating.at().isBefore(from) && rating.at().isBefore(to)), period,
          zone + " " + interval + " " + day);
      total += period.get("count").asLong();
    }
    // Periods are consecutive and cover the widened range: nothing counted twice or lost.
    for (int i = 1; i < periods.size(); i++) {
      assertEquals(periods.get(i - 1).get("to"), periods.get(i).get("from"));
    }
    Instant first = Instant.parse(periods.get(0).get("from").asText());
    Instant last = Instant.parse(periods.get(periods.size() - 1).get("to").asText());
    assertEquals(RATINGS.stream().filter(r -> !r.at().isBefore(first) && r.at().isBefore(last)).count(), total);
  }

  static Stream<Arguments> filters() {
    return Stream.of(
        Arguments.of(List.of(), (Predicate<Rating>) rating -> true),
        Arguments.of(List.of("product_key", "acme-app"), is(Rating::product, "acme-app")),
        Arguments.of(List.of("product_key", "acme-app", "feature_key", "dashboard"), is(Rating::feature, "dashboard")),
        Arguments.of(List.of("platform", "web,email"), in(Rating::platform, "web", "email")),
        Arguments.of(List.of("company_id", "c2"), is(Rating::company, "c2")),
        Arguments.of(List.of("agent_id", "a3", "source", "ticket"),
            is(Rating::agent, "a3").and(is(Rating::source, "ticket"))),
        Arguments.of(List.of("carrier", "dhl", "scale", "1-5"), is(Rating::carrier, "dhl").and(is(Rating::scale, "1-5"))),
        Arguments.of(List.of("source", "prompted", "source", "voluntary", "score", "9,10"),
            (Predicate<Rating>) rating -> List.of("prompted", "voluntary").contains(rating.source())
                && rating.rating() >= 9),
        Arguments.of(List.of("score", "0,1", "scale", "thumbs,1-10"),
            (Predicate<Rating>) rating -> rating.rating() <= 1 && !rating.scale().equals("1-5")),
        // Most sources and ratings: read as the rows' totals less the sources and ratings left out.
        Arguments.of(List.of("source", FIVE_SOURCES, "score", "0,1,2,3,4,5,6,7,8,9"), fiveSourcesBelowTen()));
  }

  private static final String FIVE_SOURCES = "prompted,voluntary,survey,ticket,carrier";

  private static Predicate<Rating> fiveSourcesBelowTen() {
    return in(Rating::source, FIVE_SOURCES.split(",")).and(rating -> rating.rating() <= 9);
  }

  private static Predicate<Rating> is(Function<Rating, String> field, String value) {
    return rating -> value.equals(field.apply(rating));
  }

  private static Predicate<Rating> in(Function<Rating, String> field, String... values) {
    return rating -> List.of(values).contains(Objects.requireNonNullElse(field.apply(rating), ""));
  }

  @ParameterizedTest(name = "summary {0}")
  @MethodSource("filters")
  void summariesEqualARecountInEveryZone(List<String> filter, Predicate<Rating> matches) {
    for (String zone : ZONES) {
      LocalDate start = LocalDate.parse("2025-10-26");
      LocalDate end = LocalDate.parse("2026-03-29");
      Instant from = start.atStartOfDay(ZoneId.of(zone)).toInstant();
      Instant to = end.plusDays(1).atStartOfDay(ZoneId.of(zone)).toInstant();
      List<String> query = new ArrayList<>(filter);
      query.addAll(List.of("time_zone", zone, "start_date", start.toString(), "end_date", end.toString()));
      JsonNode summary = expect(200, analytics.summary(query.toArray(String[]::new)));
      List<Rating> expected = recount(matches.and(r -> !r.at().isBefore(from) && r.at().isBefore(to)));
      assertTagsEqual(expected, summary, filter + " in " + zone);
      assertMetricsEqual(expected, summary);
    }
    JsonNode allTime = expect(200, analytics.summary(filter.toArray(String[]::new)));
    assertTagsEqual(recount(matches), allTime, filter + " all time");
  }

  static Stream<Arguments> breakdowns() {
    return Stream.of(
        Arguments.of("source", List.of(), (Function<Rating, String>) Rating::source),
        Arguments.of("product", List.of(), (Function<Rating, String>) Rating::product),
        Arguments.of("feature", List.of("product_key", "acme-app"),
            (Function<Rating, String>) rating -> rating.product() == null ? null
                : rating.feature() == null ? rating.product() + "/" : rating.product() + "/" + rating.feature()),
        Arguments.of("platform", List.of("score", "1,2,3"), (Function<Rating, String>) Rating::platform),
        Arguments.of("company", List.of(), (Function<Rating, String>) Rating::company),
        Arguments.of("company", List.of("source", "ticket,shop"), (Function<Rating, String>) Rating::company),
        Arguments.of("agent", List.of(), (Function<Rating, String>) Rating::agent),
        Arguments.of("agent", List.of("agent_id", "a1,a2"), (Function<Rating, String>) Rating::agent),
        Arguments.of("carrier", List.of("scale", "1-10"), (Function<Rating, String>) Rating::carrier),
        Arguments.of("source", List.of("company_id", "c1"), (Function<Rating, String>) Rating::source),
        Arguments.of("source", List.of("source", FIVE_SOURCES), (Function<Rating, String>) Rating::source),
        Arguments.of("agent", List.of("source", FIVE_SOURCES, "score", "0,1,2,3,4,5,6,7,8,9"),
            (Function<Rating, String>) Rating::agent));
  }

  @ParameterizedTest(name = "breakdown by {0} {1}")
  @MethodSource("breakdowns")
  void breakdownsEqualARecount(String by, List<String> filter, Function<Rating, String> group) {
    Predicate<Rating> matches = filters().map(arguments -> arguments.get())
        .filter(arguments -> arguments[0].equals(filter)).map(arguments -> (Predicate<Rating>) arguments[1])
        .findFirst().orElseGet(() -> filterFor(filter));
    // The first range is read as itself; the next three as whole months plus or minus a few days
    // at each end (TimeCover.enclosingMonths), every sign with ratings in it: minus Nov 1-2 and
    // plus Jan 1; plus Dec 30-31; minus Mar 29-31 (dense days: DST changes and the new year). Each
    // holds less than half the ratings, so it is read as a range. The fifth holds most of them and
    // spans more than two months, so it is read as all time minus the days before and after it.
    // The sixth is three weeks across two months, read as its days; the seventh two weeks from a
    // month's first day; the last one day (New York's change to summer time). A breakdown of a
    // whole dimension ranks the groups of the fourth, sixth and seventh by their month-to-date
    // rows: their count, or with a source, scale or score filter their source-rating columns;
    // those of the last by its own rows.
    List<List<String>> ranges = List.of(List.of("2025-11-02", "2026-03-08"), List.of("2025-11-03", "2026-01-01"),
        List.of("2025-12-30", "2026-02-27"), List.of("2026-03-02", "2026-03-28"),
        List.of("2025-09-15", "2026-05-20"), List.of("2026-01-20", "2026-02-10"),
        List.of("2026-02-01", "2026-02-14"), List.of("2026-03-08", "2026-03-08"));
    for (String zone : List.of("Asia/Kathmandu", "America/New_York")) {
      for (List<String> range : ranges) {
        assertBreakdownsOfRangeEqualRecount(by, filter, matches, group, zone, LocalDate.parse(range.get(0)),
            LocalDate.parse(range.get(1)));
      }
    }
    // Neither date: all time, the total rows.
    List<String> query = new ArrayList<>(filter);
    query.addAll(List.of("by", by, "limit", "2"));
    assertBreakdownEqualsRecount(expect(200, analytics.breakdown(query.toArray(String[]::new))), matches, group, 2,
        by + " " + filter + " all time");
  }

  private void assertBreakdownsOfRangeEqualRecount(String by, List<String> filter, Predicate<Rating> matches,
      Function<Rating, String> group, String zone, LocalDate start, LocalDate end) {
    Instant from = start.atStartOfDay(ZoneId.of(zone)).toInstant();
    Instant to = end.plusDays(1).atStartOfDay(ZoneId.of(zone)).toInstant();
    for (int limit : List.of(1, 2, 100)) {
      List<String> query = new ArrayList<>(filter);
      query.addAll(List.of("by", by, "limit", String.valueOf(limit), "time_zone", zone,
          "start_date", start.toString(), "end_date", end.toString()));
      JsonNode breakdown = expect(200, analytics.breakdown(query.toArray(String[]::new)));
      assertBreakdownEqualsRecount(breakdown, matches.and(r -> !r.at().isBefore(from) && r.at().isBefore(to)),
          group, limit, by + " " + filter + " limit " + limit + " in " + zone + " from " + start + " to " + end);
    }
  }

  private void assertBreakdownEqualsRecount(JsonNode breakdown, Predicate<Rating> matches,
      Function<Rating, String> group, int limit, String what) {
    String by = breakdown.get("by").asText();
    Map<String, List<Rating>> groups = recount(matches).stream()
        .collect(Collectors.groupingBy(rating -> Objects.requireNonNullElse(group.apply(rating), ""),
            TreeMap::new, Collectors.toList()));
    List<Map.Entry<String, List<Rating>>> ranked = groups.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<String, List<Rating>> entry) -> -entry.getValue().size())
            .thenComparing(Map.Entry::getKey))
        .toList();
    assertEquals(groups.size(), breakdown.get("groups").asInt(), what);
    JsonNode top = breakdown.get("top");
    assertEquals(Math.min(limit, ranked.size()), top.size(), what);
    for (int i = 0; i < top.size(); i++) {
      String value = ranked.get(i).getKey();
      assertEquals(value, groupValue(by, top.get(i)), what + " #" + i);
      assertTagsEqual(ranked.get(i).getValue(), top.get(i), what + " " + value);
    }
    List<Rating> rest = ranked.stream().skip(top.size()).flatMap(entry -> entry.getValue().stream()).toList();
    assertTagsEqual(rest, breakdown.get("rest"), what + " rest");
  }

  private static Predicate<Rating> filterFor(List<String> filter) {
    return switch (String.join("=", filter)) {
      case "product_key=acme-app" -> is(Rating::product, "acme-app");
      case "score=1,2,3" -> rating -> rating.rating() >= 1 && rating.rating() <= 3;
      case "source=ticket,shop" -> in(Rating::source, "ticket", "shop");
      case "agent_id=a1,a2" -> in(Rating::agent, "a1", "a2");
      case "scale=1-10" -> is(Rating::scale, "1-10");
      case "company_id=c1" -> is(Rating::company, "c1");
      case "source=" + FIVE_SOURCES -> in(Rating::source, FIVE_SOURCES.split(","));
      case "source=" + FIVE_SOURCES + "=score=0,1,2,3,4,5,6,7,8,9" -> fiveSourcesBelowTen();
      default -> throw new IllegalArgumentException("no recount for " + filter);
    };
  }

  /** A group's value as the recount keys it: "" for none, "product/feature" for features. */
  private static String groupValue(String by, JsonNode group) {
    String value = group.get("value").isNull() ? "" : group.get("value").asText();
    if (by.equals("feature") && group.has("product_key")) {
      return group.get("product_key").asText() + "/" + value;
    }
    return value;
  }

  private static List<Rating> recount(Predicate<Rating> matches) {
    return RATINGS.stream().filter(matches).toList();
  }

  /** Count, per source and per scale and rating. */
  private static void assertTagsEqual(List<Rating> expected, JsonNode actual, String what) {
    assertEquals(expected.size(), actual.get("count").asLong(), what + ": count");
    for (String source : RandomRatings.SOURCES) {
      assertEquals(expected.stream().filter(r -> r.source().equals(source)).count(),
          actual.get("by_source").get(source).asLong(), what + ": " + source);
    }
    Map<String, Map<String, Long>> byScale = new TreeMap<>();
    for (Rating rating : expected) {
      byScale.computeIfAbsent(rating.scale(), scale -> new TreeMap<>())
          .merge(String.valueOf(rating.rating()), 1L, Long::sum);
    }
    Map<String, Map<String, Long>> reported = new TreeMap<>();
    for (JsonNode scale : actual.get("scales")) {
      Map<String, Long> distribution = new TreeMap<>();
      scale.get("rating_distribution").fields().forEachRemaining(entry -> {
        if (entry.getValue().asLong() != 0) {
          distribution.put(entry.getKey(), entry.getValue().asLong());
        }
      });
      reported.put(scale.get("scale").asText(), distribution);
    }
    assertEquals(byScale, reported, what + ": distributions");
  }

  /** Average and median per scale, computed the plain way: sum / count and the middle of the sorted ratings. */
  private static void assertMetricsEqual(List<Rating> expected, JsonNode actual) {
    for (JsonNode scale : actual.get("scales")) {
      List<Integer> sorted = expected.stream().filter(r -> r.scale().equals(scale.get("scale").asText()))
          .map(Rating::rating).sorted().toList();
      int n = sorted.size();
      BigDecimal median = BigDecimal.valueOf(sorted.get((n - 1) / 2) + sorted.get(n / 2)).divide(BigDecimal.TWO);
      assertEquals(0, median.compareTo(scale.get("median").decimalValue()), "median of " + sorted);
      BigDecimal average = BigDecimal.valueOf(sorted.stream().mapToInt(Integer::intValue).sum())
          .divide(BigDecimal.valueOf(n), 2, java.math.RoundingMode.HALF_EVEN);
      assertEquals(0, average.compareTo(scale.get("average").decimalValue()), "average of " + sorted);
    }
  }
}
