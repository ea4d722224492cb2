package dev.csat.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorrectionRunsTest {
  @Test
  void aSydneyDayBoundaryIsOneRunOfHoursUpToTheNextUtcMidnight() {
    // Australia/Sydney is UTC+11 in January: its days start at 13:00 UTC, moved to the next midnight.
    List<Instant> boundaries = days("Australia/Sydney", LocalDate.parse("2026-01-10"), 3);
    List<CorrectionRuns.Run> runs = CorrectionRuns.of(TimeCover.of(boundaries), boundaries);

    assertEquals(List.of(
        new CorrectionRuns.Run(Grain.HOUR, at("2026-01-09T13:00:00Z"), at("2026-01-10T00:00:00Z"), 1, 0),
        new CorrectionRuns.Run(Grain.HOUR, at("2026-01-10T13:00:00Z"), at("2026-01-11T00:00:00Z"), 2, 1),
        new CorrectionRuns.Run(Grain.HOUR, at("2026-01-11T13:00:00Z"), at("2026-01-12T00:00:00Z"), 3, 2),
        new CorrectionRuns.Run(Grain.HOUR, at("2026-01-12T13:00:00Z"), at("2026-01-13T00:00:00Z"), 4, 3)), runs);
  }

  @Test
  void aHalfHourZoneHasARunOfQuarterHoursAndOneOfHoursPerBoundary() {
    // Asia/Kolkata is UTC+5:30: its days start at 18:30 UTC, moved to the next midnight.
    List<Instant> boundaries = days("Asia/Kolkata", LocalDate.parse("2026-03-01"), 1);
    List<CorrectionRuns.Run> runs = CorrectionRuns.of(TimeCover.of(boundaries), boundaries);

    assertEquals(List.of(
        new CorrectionRuns.Run(Grain.QUARTER, at("2026-02-28T18:30:00Z"), at("2026-02-28T19:00:00Z"), 1, 0),
        new CorrectionRuns.Run(Grain.QUARTER, at("2026-03-01T18:30:00Z"), at("2026-03-01T19:00:00Z"), 2, 1),
        new CorrectionRuns.Run(Grain.HOUR, at("2026-02-28T19:00:00Z"), at("2026-03-01T00:00:00Z"), 1, 0),
        new CorrectionRuns.Run(Grain.HOUR, at("2026-03-01T19:00:00Z"), at("2026-03-02T00:00:00Z"), 2, 1)), runs);
  }

  @Test
  void aRunEndsWhereItsBucketsCrossABoundary() {
    // One hour-long period: its boundaries move to the same midnight, and the correction stretch
    // from 21:00 to midnight holds the period's own hour and two after it.
    List<Instant> boundaries = List.of(at("2026-05-04T21:00:00Z"), at("2026-05-04T22:00:00Z"));
    List<CorrectionRuns.Run> runs = CorrectionRuns.of(TimeCover.of(boundaries), boundaries);

    assertEquals(List.of(
        new CorrectionRuns.Run(Grain.HOUR, at("2026-05-04T21:00:00Z"), at("2026-05-04T22:00:00Z"), 1, 0)), runs);
  }

  @Test
  void equalAlignedBoundariesCountAsTheLastPeriodTheyStart() {
    // Three hour-long periods whose four boundaries all move to one midnight: each hour is in its
    // own true period, and its aligned period is 0 before that midnight and 4 from it (after the
    // last period, so it counts nowhere).
    List<Instant> boundaries = List.of(at("2026-05-04T23:00:00Z"), at("2026-05-05T00:00:00Z"),
        at("2026-05-05T01:00:00Z"), at("2026-05-05T02:00:00Z"));
    List<CorrectionRuns.Run> runs = CorrectionRuns.of(TimeCover.of(boundaries), boundaries);

    assertEquals(List.of(
        new CorrectionRuns.Run(Grain.HOUR, at("2026-05-04T23:00:00Z"), at("2026-05-05T00:00:00Z"), 1, 0),
        new CorrectionRuns.Run(Grain.HOUR, at("2026-05-05T00:00:00Z"), at("2026-05-05T01:00:00Z"), 2, 4),
        new CorrectionRuns.Run(Grain.HOUR, at("2026-05-05T01:00:00Z"), at("2026-05-05T02:00:00Z"), 3, 4)), runs);
  }

  private static List<Instant> days(String zone, LocalDate first, int count) {
    List<Instant> boundaries = new ArrayList<>();
    for (int i = 0; i <= count; i++) {
      boundaries.add(first.plusDays(i).atStartOfDay(ZoneId.of(zone)).toInstant());
    }
    return boundaries;
  }

  private static Instant at(String instant) {
    return Instant.parse(instant);
  }
}
