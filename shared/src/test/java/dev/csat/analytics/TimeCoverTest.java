package dev.csat.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRulesProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TimeCoverTest {
  private static List<Instant> days(String zone, String first, int count) {
    List<Instant> boundaries = new ArrayList<>();
    for (int i = 0; i <= count; i++) {
      boundaries.add(LocalDate.parse(first).plusDays(i).atStartOfDay(ZoneId.of(zone)).toInstant());
    }
    return boundaries;
  }

  private static TimeCover.Range range(Grain grain, String from, String to) {
    return new TimeCover.Range(grain, Instant.parse(from), Instant.parse(to));
  }

  private static List<Instant> instants(String... instants) {
    return Stream.of(instants).map(Instant::parse).toList();
  }

  @Test
  void aRunOfUtcDaysIsOneRangeOfDays() {
    TimeCover.Cover cover = TimeCover.of(days("UTC", "2026-03-01", 10));
    assertEquals(List.of(range(Grain.DAY, "2026-03-01T00:00:00Z", "2026-03-11T00:00:00Z")), cover.bulk());
    assertEquals(days("UTC", "2026-03-01", 10), cover.aligned());
    assertEquals(Map.of(), cover.corrections());
  }

  @Test
  void aWholeUtcMonthIsOneMonthBucket() {
    assertEquals(List.of(range(Grain.MONTH, "2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z")),
        TimeCover.of(instants("2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z")).bulk());
  }

  @Test
  void berlinDaysAreUtcDaysCorrectedByAnHour() {
    // 28 to 30 March 2026: 24, 23 and 24 hours, starting 23:00, 23:00, 22:00 UTC the day before.
    TimeCover.Cover cover = TimeCover.of(days("Europe/Berlin", "2026-03-28", 3));
    assertEquals(days("UTC", "2026-03-28", 3), cover.aligned());
    assertEquals(List.of(range(Grain.DAY, "2026-03-28T00:00:00Z", "2026-03-31T00:00:00Z")), cover.bulk());
    assertEquals(Map.of(Grain.HOUR, instants("2026-03-27T23:00:00Z", "2026-03-28T23:00:00Z", "2026-03-29T22:00:00Z",
        "2026-03-29T23:00:00Z", "2026-03-30T22:00:00Z", "2026-03-30T23:00:00Z")), cover.corrections());
  }

  @Test
  void kathmanduDaysAreCorrectedByQuarterHoursAndHours() {
    // A Kathmandu day (+05:45) runs from 18:15 UTC: the UTC day after, corrected by 5:45 hours at each end.
    TimeCover.Cover cover = TimeCover.of(days("Asia/Kathmandu", "2026-03-10", 1));
    assertEquals(List.of(range(Grain.DAY, "2026-03-10T00:00:00Z", "2026-03-11T00:00:00Z")), cover.bulk());
    assertEquals(Map.of(
        Grain.QUARTER, instants("2026-03-09T18:15:00Z", "2026-03-09T18:30:00Z", "2026-03-09T18:45:00Z",
            "2026-03-10T18:15:00Z", "2026-03-10T18:30:00Z", "2026-03-10T18:45:00Z"),
        Grain.HOUR, instants("2026-03-09T19:00:00Z", "2026-03-09T20:00:00Z", "2026-03-09T21:00:00Z",
            "2026-03-09T22:00:00Z", "2026-03-09T23:00:00Z", "2026-03-10T19:00:00Z", "2026-03-10T20:00:00Z",
            "2026-03-10T21:00:00Z", "2026-03-10T22:00:00Z", "2026-03-10T23:00:00Z")), cover.corrections());
  }

  @Test
  void localMonthsAreUtcMonths() {
    // Kiritimati (+14) and Pago Pago (-11), the furthest from UTC: months still read month rows.
    for (String zone : List.of("Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kolkata")) {
      List<Instant> boundaries = Stream.of("2026-01-01", "2026-02-01", "2026-03-01")
          .map(day -> LocalDate.parse(day).atStartOfDay(ZoneId.of(zone)).toInstant()).toList();
      TimeCover.Cover cover = TimeCover.of(boundaries);
      assertEquals(instants("2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z"),
          cover.aligned(), zone);
      assertEquals(List.of(range(Grain.MONTH, "2026-01-01T00:00:00Z", "2026-03-01T00:00:00Z")), cover.bulk(), zone);
    }
  }

  @Test
  void allTimeIsTheTotalRow() {
    TimeCover.Cover allTime = TimeCover.of(List.of(DateRange.BEFORE_ANY, DateRange.AFTER_ANY));
    assertEquals(List.of(new TimeCover.Range(Grain.TOTAL, DateRange.BEFORE_ANY, DateRange.AFTER_ANY)), allTime.bulk());
    assertEquals(Map.of(), allTime.corrections());
    // Open on one side only: months (and days), not the total.
    assertEquals(List.of(new TimeCover.Range(Grain.MONTH, DateRange.BEFORE_ANY, Instant.parse("2026-03-01T00:00:00Z"))),
        TimeCover.of(List.of(DateRange.BEFORE_ANY, Instant.parse("2026-03-01T00:00:00Z"))).bulk());
  }

  @Test
  void aLongRangeUsesMonthsInTheMiddle() {
    TimeCover.Cover cover = TimeCover.of(instants("2025-01-15T00:00:00Z", "2025-06-10T06:00:00Z"));
    assertEquals(List.of(
        range(Grain.DAY, "2025-01-15T00:00:00Z", "2025-02-01T00:00:00Z"),
        range(Grain.MONTH, "2025-02-01T00:00:00Z", "2025-06-01T00:00:00Z"),
        range(Grain.DAY, "2025-06-01T00:00:00Z", "2025-06-10T00:00:00Z")), cover.bulk());
    assertEquals(Map.of(Grain.HOUR, instants("2025-06-10T00:00:00Z", "2025-06-10T01:00:00Z", "2025-06-10T02:00:00Z",
        "2025-06-10T03:00:00Z", "2025-06-10T04:00:00Z", "2025-06-10T05:00:00Z")), cover.corrections());
  }

  @Test
  void aTwoYearDailySeriesInKolkataReadsFewRowsADay() {
    TimeCover.Cover cover = TimeCover.of(days("Asia/Kolkata", "2024-11-01", 730));
    assertEquals(List.of(range(Grain.DAY, "2024-11-01T00:00:00Z", "2026-11-01T00:00:00Z")), cover.bulk());
    // The 5:30 hours between each local and UTC midnight: 5 hours and 2 quarter hours, 731 times.
    assertEquals(731 * 5, cover.corrections().get(Grain.HOUR).size());
    assertEquals(731 * 2, cover.corrections().get(Grain.QUARTER).size());
  }

  @Test
  void aBoundaryOffTheQuarterHourIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> TimeCover.of(List.of(Instant.parse("2026-01-01T00:00:00Z"),
        Instant.parse("2026-01-01T00:20:00Z"))));
  }

  /**
   * The cover is exact: for every quarter hour around a run of periods, its bucket of each part's
   * grain, counted with the part's sign in the part's period, adds up to one in the period that
   * holds it and to zero in every other, for days, weeks, months and quarters across clock
   * changes in zones with odd and far offsets.
   */
  @Test
  void everyQuarterHourCountsOnceInItsOwnPeriod() {
    List<String> zones = List.of("UTC", "Europe/London", "Europe/Berlin", "America/New_York", "Asia/Kolkata",
        "Asia/Kathmandu", "Australia/Lord_Howe", "Pacific/Chatham", "Pacific/Kiritimati", "Pacific/Pago_Pago",
        "America/St_Johns", "Pacific/Auckland");
    for (String zone : zones) {
      for (Interval interval : Interval.values()) {
        DateRange range = new DateRange(LocalDate.parse("2026-02-20"), LocalDate.parse("2026-04-12"), ZoneId.of(zone));
        List<Instant> boundaries = range.periodStarts(interval).stream()
            .map(day -> day.atStartOfDay(range.zone()).toInstant()).toList();
        assertExact(boundaries, TimeCover.of(boundaries), zone + " " + interval);
      }
    }
  }

  @Test
  void thirtyDaysThatStartOnAMonthAreReadAsThatMonthWithTheDifferenceAtTheEnd() {
    // 2026-10-01 to 2026-10-30 in Berlin: [Sep 30 22:00Z, Oct 30 23:00Z).
    List<Instant> range = days("Europe/Berlin", "2026-10-01", 30);
    assertEquals(java.util.Optional.of(range(Grain.MONTH, "2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z")),
        TimeCover.enclosingMonths(range.getFirst(), range.getLast()));
  }

  @Test
  void shortRangesAndRangesOnMonthStartsAreReadAsThemselves() {
    List<Instant> week = days("Europe/Berlin", "2026-10-12", 7);
    assertTrue(TimeCover.enclosingMonths(week.getFirst(), week.getLast()).isEmpty(), "a week mid-month");
    List<Instant> halves = days("UTC", "2026-10-15", 31);
    assertTrue(TimeCover.enclosingMonths(halves.getFirst(), halves.getLast()).isEmpty(), "half of two months");
    List<Instant> quarter = days("Asia/Kolkata", "2026-07-01", 92);
    assertTrue(TimeCover.enclosingMonths(quarter.getFirst(), quarter.getLast()).isEmpty(),
        "a quarter's own cover is already its months");
  }

  private static void assertExact(List<Instant> boundaries, TimeCover.Cover cover, String what) {
    int periods = boundaries.size() - 1;
    Instant end = boundaries.getLast().plusSeconds(2 * 86_400);
    for (Instant quarter = boundaries.getFirst().minusSeconds(2 * 86_400); quarter.isBefore(end);
        quarter = quarter.plusSeconds(900)) {
      int[] weights = new int[periods + 2];
      for (TimeCover.Range range : cover.bulk()) {
        Instant bucket = range.grain().floor(quarter);
        if (!bucket.isBefore(range.from()) && bucket.isBefore(range.to())) {
          weights[periodOf(bucket, cover.aligned())]++;
        }
      }
      for (var corrections : cover.corrections().entrySet()) {
        Instant bucket = corrections.getKey().floor(quarter);
        if (corrections.getValue().contains(bucket)) {
          weights[periodOf(bucket, boundaries)]++;
          weights[periodOf(bucket, cover.aligned())]--;
        }
      }
      for (int period = 1; period <= periods; period++) {
        boolean inside = !quarter.isBefore(boundaries.get(period - 1)) && quarter.isBefore(boundaries.get(period));
        assertEquals(inside ? 1 : 0, weights[period], what + ": " + quarter + " in period " + period);
      }
    }
  }

  /** As SQL's width_bucket: how many of the boundaries are at or before {@code at}. */
  private static int periodOf(Instant at, List<Instant> boundaries) {
    return (int) boundaries.stream().filter(boundary -> !boundary.isAfter(at)).count();
  }

  /** What the grains rest on: since 2000 (the earliest date analytics accept) every zone's offset is whole quarter hours. */
  @Test
  void everyZoneOffsetSince2000IsWholeQuarterHours() {
    Instant since = Instant.parse("2000-01-01T00:00:00Z");
    List<String> odd = new ArrayList<>();
    for (String id : ZoneRulesProvider.getAvailableZoneIds()) {
      var rules = ZoneId.of(id).getRules();
      List<ZoneOffset> offsets = new ArrayList<>(List.of(rules.getOffset(since)));
      for (ZoneOffsetTransition transition = rules.nextTransition(since);
          transition != null && transition.getInstant().isBefore(Instant.parse("2101-01-01T00:00:00Z"));
          transition = rules.nextTransition(transition.getInstant())) {
        offsets.add(transition.getOffsetAfter());
      }
      offsets.stream().filter(offset -> offset.getTotalSeconds() % 900 != 0).findFirst()
          .ifPresent(offset -> odd.add(id + " " + offset));
    }
    assertTrue(odd.isEmpty(), () -> "zones with offsets off the quarter hour: " + odd);
  }
}
