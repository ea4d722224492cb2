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
import org.junit.jupiter.api.Test;

class TimeCoverTest {
  private static List<Instant> days(String zone, String first, int count) {
    List<Instant> boundaries = new ArrayList<>();
    for (int i = 0; i <= count; i++) {
      boundaries.add(LocalDate.parse(first).plusDays(i).atStartOfDay(ZoneId.of(zone)).toInstant());
    }
    return boundaries;
  }

  @Test
  void aRunOfUtcDaysIsOneRangeOfDays() {
    assertEquals(List.of(new TimeCover.Range(Grain.DAY, Instant.parse("2026-03-01T00:00:00Z"),
        Instant.parse("2026-03-11T00:00:00Z"))), TimeCover.of(days("UTC", "2026-03-01", 10)));
  }

  @Test
  void aWholeUtcMonthIsOneMonthBucket() {
    assertEquals(List.of(new TimeCover.Range(Grain.MONTH, Instant.parse("2026-02-01T00:00:00Z"),
        Instant.parse("2026-03-01T00:00:00Z"))), TimeCover.of(List.of(Instant.parse("2026-02-01T00:00:00Z"),
        Instant.parse("2026-03-01T00:00:00Z"))));
  }

  @Test
  void berlinDaysAcrossTheClockChangeAreOneRangeOfHours() {
    // 28 to 30 March 2026: 24, 23 and 24 hours.
    assertEquals(List.of(new TimeCover.Range(Grain.HOUR, Instant.parse("2026-03-27T23:00:00Z"),
        Instant.parse("2026-03-30T22:00:00Z"))), TimeCover.of(days("Europe/Berlin", "2026-03-28", 3)));
  }

  @Test
  void kathmanduDaysStartWithQuarterHours() {
    // A Kathmandu day (+05:45) runs from 18:15 UTC: three quarters, then hours, then three quarters.
    List<TimeCover.Range> cover = TimeCover.of(days("Asia/Kathmandu", "2026-03-10", 1));
    assertEquals(List.of(
        new TimeCover.Range(Grain.QUARTER, Instant.parse("2026-03-09T18:15:00Z"), Instant.parse("2026-03-09T19:00:00Z")),
        new TimeCover.Range(Grain.HOUR, Instant.parse("2026-03-09T19:00:00Z"), Instant.parse("2026-03-10T18:00:00Z")),
        new TimeCover.Range(Grain.QUARTER, Instant.parse("2026-03-10T18:00:00Z"), Instant.parse("2026-03-10T18:15:00Z"))),
        cover);
  }

  @Test
  void aLongRangeUsesMonthsInTheMiddle() {
    List<TimeCover.Range> cover = TimeCover.of(List.of(Instant.parse("2025-01-15T00:00:00Z"),
        Instant.parse("2025-06-10T06:00:00Z")));
    assertEquals(List.of(
        new TimeCover.Range(Grain.DAY, Instant.parse("2025-01-15T00:00:00Z"), Instant.parse("2025-02-01T00:00:00Z")),
        new TimeCover.Range(Grain.MONTH, Instant.parse("2025-02-01T00:00:00Z"), Instant.parse("2025-06-01T00:00:00Z")),
        new TimeCover.Range(Grain.DAY, Instant.parse("2025-06-01T00:00:00Z"), Instant.parse("2025-06-10T00:00:00Z")),
        new TimeCover.Range(Grain.HOUR, Instant.parse("2025-06-10T00:00:00Z"), Instant.parse("2025-06-10T06:00:00Z"))),
        cover);
  }

  @Test
  void aBoundaryOffTheQuarterHourIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> TimeCover.of(List.of(Instant.parse("2026-01-01T00:00:00Z"),
        Instant.parse("2026-01-01T00:20:00Z"))));
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
