package dev.csat.analytics;

import dev.csat.feedback.WireNamed;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The periods of a time series, in the caller's time zone. Weeks start on Monday (ISO 8601). */
public enum Interval implements WireNamed {
  DAY, WEEK, MONTH, QUARTER;

  @Override
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The first day of the period holding {@code date}. */
  public LocalDate start(LocalDate date) {
    return switch (this) {
      case DAY -> date;
      case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> date.withDayOfMonth(1);
      case QUARTER -> LocalDate.of(date.getYear(), (date.getMonthValue() - 1) / 3 * 3 + 1, 1);
    };
  }

  /** The first day of the period after the one that starts on {@code start}. */
  public LocalDate next(LocalDate start) {
    return switch (this) {
      case DAY -> start.plusDays(1);
      case WEEK -> start.plusWeeks(1);
      case MONTH -> start.plusMonths(1);
      case QUARTER -> start.plusMonths(3);
    };
  }
}
