package dev.csat.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Whole days from {@code start} to {@code end}, both included, in {@code zone}; a missing start
 * or end leaves that side open: every rating before the end, or after the start, counts.
 */
public record DateRange(LocalDate start, LocalDate end, ZoneId zone) {
  /** The first day a range may name. */
  public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
  /** The last day a range may name. */
  public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
  /** No rating is earlier: a feedback's created_at must be after 2000 (UTC). */
  public static final Instant BEFORE_ANY = Instant.parse("2000-01-01T00:00:00Z");
  /** No rating is later: created_at is at most 5 minutes ahead of a clock that reads before 2101. */
  public static final Instant AFTER_ANY = Instant.parse("2101-01-01T00:00:00Z");

  /** The first instant counted. */
  public Instant from() {
    return start != null ? start.atStartOfDay(zone).toInstant() : BEFORE_ANY;
  }

  /** The instant after the last one counted. */
  public Instant to() {
    return end != null ? end.plusDays(1).atStartOfDay(zone).toInstant() : AFTER_ANY;
  }

  /** The same days widened to whole periods of {@code interval}. */
  public DateRange widenedTo(Interval interval) {
    return new DateRange(interval.start(start), interval.next(interval.start(end)).minusDays(1), zone);
  }

  /** The first day of each period of {@code interval} from start to end (widened), then the day after. */
  public List<LocalDate> periodStarts(Interval interval) {
    List<LocalDate> starts = new ArrayList<>();
    for (LocalDate day = interval.start(start); !day.isAfter(end); day = interval.next(day)) {
      starts.add(day);
    }
    starts.add(interval.next(starts.getLast()));
    return starts;
  }

  /** How many periods of {@code interval} the range spans (widened). */
  public long periods(Interval interval) {
    long periods = 0;
    for (LocalDate day = interval.start(start); !day.isAfter(end); day = interval.next(day)) {
      periods++;
    }
    return periods;
  }
}
