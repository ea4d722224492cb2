package dev.csat.analytics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.csat.data.SqlParams;
import dev.csat.feedback.Source;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The longest statements analytics requests make stay within the Data API's 65,536 characters of
 * SQL: filters with the most values a filter takes (100) or none, with one, four or six of the
 * seven sources, and with scores that keep some of each scale's ratings.
 */
class TallySqlTest {
  private static final int DATA_API_SQL_LIMIT = 65_536;

  static Stream<Arguments> breakdowns() {
    List<Set<Source>> sources = List.of(EnumSet.of(Source.TICKET),
        EnumSet.of(Source.PROMPTED, Source.VOLUNTARY, Source.SURVEY, Source.TICKET),
        EnumSet.complementOf(EnumSet.of(Source.API)));
    List<Set<Integer>> scores = List.of(Set.of(), Set.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), Set.of(1, 2, 3, 4, 5));
    return Stream.of(BreakdownField.values()).flatMap(by -> sources.stream().flatMap(someSources ->
        scores.stream().flatMap(someScores -> Stream.of(
            Arguments.of(by, new AnalyticsFilter(null, List.of(), someSources, Set.of(), someScores)),
            Arguments.of(by, new AnalyticsFilter(by.dimension().orElse(Dimension.COMPANY),
                IntStream.range(0, 100).mapToObj(i -> "value-" + i).toList(), someSources, Set.of(),
                someScores))))));
  }

  @ParameterizedTest
  @MethodSource("breakdowns")
  void aBreakdownStaysWithinTheDataApiLimit(BreakdownField by, AnalyticsFilter filter) {
    // Neither end on a UTC midnight, more than two months long: a breakdown of many groups holds
    // the range read as months less its ends, and as all time less the outside.
    Instant from = Instant.parse("2024-11-03T13:15:00Z");
    Instant to = Instant.parse("2026-10-29T09:45:00Z");
    String sql = TallySql.ranking("acme", from, to, filter, by, 100, SqlParams.of());
    assertTrue(sql.length() <= DATA_API_SQL_LIMIT, sql.length() + " characters");
  }

  @ParameterizedTest
  @MethodSource("breakdowns")
  void aSeriesStaysWithinTheDataApiLimit(BreakdownField unused, AnalyticsFilter filter) {
    ZoneId sydney = ZoneId.of("Australia/Sydney");
    List<Instant> boundaries = new ArrayList<>();
    for (LocalDate day = LocalDate.parse("2024-11-01"); !day.isAfter(LocalDate.parse("2026-11-01"));
        day = day.plusDays(1)) {
      boundaries.add(day.atStartOfDay(sydney).toInstant());
    }
    String sql = TallySql.tallies("acme", boundaries, filter, SqlParams.of());
    assertTrue(sql.length() <= DATA_API_SQL_LIMIT, sql.length() + " characters");
  }
}
