package dev.csat.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Whole days from {@code start} to {@code end}, both included, in {@code zone}; a missing start
 * or end leaves that side open.
 */
public record DateRange(LocalDate start, LocalDate end, ZoneId zone) {
  /** Before any feedback (imports must be later than 2000-01-01). */
  public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
  /** The last day a range may name. */
  public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

  /** The first instant counted. */
  public Instant from() {
    return (start != null ? start : EARLIEST).atStartOfDay(zone).toInstant();
  }

  /**
   * The instant after the last one counted; an open end is the end of the month after
   * {@code now}'s, later than any feedback (created_at is at most 5 minutes ahead).
   */
  public Instant to(Instant now) {
    if (end != null) {
      return end.plusDays(1).atStartOfDay(zone).toInstant();
    }
    return Grain.MONTH.next(Grain.MONTH.next(Grain.MONTH.floor(now)));
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
