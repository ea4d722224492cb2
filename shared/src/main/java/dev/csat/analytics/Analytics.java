package dev.csat.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** The analytics use cases: summaries, time series and breakdowns, and the rollup that keeps them fast. */
public final class Analytics {
  /** The most periods one time series returns (three years of days). */
  public static final int MAX_PERIODS = 1_100;
  /**
   * Queued changes the rollup moves per statement: a few seconds of work, far below the Data API's
   * 45-second statement timeout and the SDK's 30-second read timeout (a batch of 20,000 exceeded
   * the latter on the 2-core benchmark machine, under load, once each change wrote up to 70 rows).
   */
  public static final int ROLLUP_BATCH = 5_000;

  private final AnalyticsRepository repository;

  public Analytics(AnalyticsRepository repository) {
    this.repository = repository;
  }

  /** One period of a series: its first day, its instants [from, to) and what was counted in it. */
  public record Period(LocalDate start, Instant from, Instant to, Tally tally) {}

  /** What one rollup run did. */
  public record RollupRun(long changes, int statements, boolean drained) {}

  public Tally summary(String tenant, DateRange range, AnalyticsFilter filter) {
    return repository.tallies(tenant, List.of(range.from(), range.to()), filter).getFirst();
  }

  /** Periods of {@code interval} over the range, widened to whole periods; at most {@link #MAX_PERIODS}. */
  public List<Period> series(String tenant, DateRange range, Interval interval, AnalyticsFilter filter) {
    List<LocalDate> starts = range.periodStarts(interval);
    List<Instant> boundaries = starts.stream().map(day -> day.atStartOfDay(range.zone()).toInstant()).toList();
    List<Tally> tallies = repository.tallies(tenant, boundaries, filter);
    List<Period> periods = new ArrayList<>();
    for (int i = 0; i < tallies.size(); i++) {
      periods.add(new Period(starts.get(i), boundaries.get(i), boundaries.get(i + 1), tallies.get(i)));
    }
    return periods;
  }

  public AnalyticsRepository.Ranking breakdown(String tenant, DateRange range, AnalyticsFilter filter,
      BreakdownField by, int limit) {
    return repository.ranking(tenant, range.from(), range.to(), filter, by, limit);
  }

  /** Rolls up queued changes, one batch per statement, until the queue is empty or {@code stop} says so. */
  public RollupRun rollUp(BooleanSupplier stop) {
    long changes = 0;
    int statements = 0;
    while (!stop.getAsBoolean()) {
      int moved = repository.rollUp(ROLLUP_BATCH);
      changes += moved;
      statements++;
      if (moved < ROLLUP_BATCH) {
        return new RollupRun(changes, statements, true);
      }
    }
    return new RollupRun(changes, statements, false);
  }
}
