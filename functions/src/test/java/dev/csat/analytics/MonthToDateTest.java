package dev.csat.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MonthToDateTest {
  @Test
  void daysWithinAMonthAreTheirLastDayLessTheDayBefore() {
    assertEquals(signs("2026-03-01", -1, "2026-03-28", 1), signedDays(range(Grain.DAY, "2026-03-02", "2026-03-29")));
  }

  @Test
  void daysFromAMonthsFirstDayAreTheirLastDayAlone() {
    assertEquals(signs("2026-02-14", 1), signedDays(range(Grain.DAY, "2026-02-01", "2026-02-15")));
  }

  @Test
  void daysAcrossTwoMonthsAreTheFirstMonthsEndLessTheDayBeforePlusTheLastDay() {
    assertEquals(signs("2026-09-15", -1, "2026-09-30", 1, "2026-10-15", 1),
        signedDays(range(Grain.DAY, "2026-09-16", "2026-10-16")));
  }

  @Test
  void aMonthIsItsLastDay() {
    assertEquals(signs("2026-02-28", 1, "2026-03-31", 1), signedDays(range(Grain.MONTH, "2026-02-01", "2026-04-01")));
  }

  @Test
  void adjacentRangesCancelWhereTheyMeet() {
    // Days to the end of February, then March: the two ranges read as one.
    assertEquals(signs("2026-02-09", -1, "2026-02-28", 1, "2026-03-31", 1), MonthToDate.signedDays(List.of(
        range(Grain.DAY, "2026-02-10", "2026-03-01"), range(Grain.MONTH, "2026-03-01", "2026-04-01"))));
  }

  @Test
  void refusesOtherGrains() {
    assertThrows(IllegalArgumentException.class,
        () -> MonthToDate.signedDays(List.of(new TimeCover.Range(Grain.HOUR, at("2026-03-01"), at("2026-03-02")))));
  }

  @Test
  void aDayOrTwoAreReadAsTheirOwnRowsLongerRangesAsMonthToDateRows() {
    assertFalse(MonthToDate.fewerRowsThanDays(List.of(range(Grain.DAY, "2026-03-15", "2026-03-16"))));
    assertFalse(MonthToDate.fewerRowsThanDays(List.of(range(Grain.DAY, "2026-03-15", "2026-03-17"))));
    assertTrue(MonthToDate.fewerRowsThanDays(List.of(range(Grain.DAY, "2026-03-15", "2026-03-18"))));
    assertTrue(MonthToDate.fewerRowsThanDays(List.of(range(Grain.DAY, "2026-03-01", "2026-03-03"))));
    // A whole month is one row either way.
    assertFalse(MonthToDate.fewerRowsThanDays(List.of(range(Grain.MONTH, "2026-03-01", "2026-04-01"))));
    assertFalse(MonthToDate.fewerRowsThanDays(List.of()));
  }

  private static Map<LocalDate, Integer> signedDays(TimeCover.Range range) {
    return MonthToDate.signedDays(List.of(range));
  }

  private static TimeCover.Range range(Grain grain, String from, String to) {
    return new TimeCover.Range(grain, at(from), at(to));
  }

  private static Instant at(String day) {
    return Instant.parse(day + "T00:00:00Z");
  }

  private static Map<LocalDate, Integer> signs(Object... dayThenSign) {
    Map<LocalDate, Integer> signs = new TreeMap<>();
    for (int i = 0; i < dayThenSign.length; i += 2) {
      signs.put(LocalDate.parse((String) dayThenSign[i]), (Integer) dayThenSign[i + 1]);
    }
    return signs;
  }
}
