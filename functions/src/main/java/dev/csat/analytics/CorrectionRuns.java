package dev.csat.analytics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A time cover's correction buckets ({@link TimeCover}) as runs: consecutive buckets of one grain
 * that lie in the same true period and the same aligned period. A run is one index range scan and
 * one sum, counted once in its true period and once less in its aligned one, where a list of its
 * buckets was one index descent and one row each: a two-year daily series in Sydney has 7,738
 * correction hours and 730 runs.
 */
final class CorrectionRuns {
  /**
   * Rollup rows of {@code grain} whose bucket starts in [from, to); {@code truly} and
   * {@code aligned} are their 1-based periods among the boundaries and among the aligned
   * boundaries (0 before the first, n + 1 from the last, as PostgreSQL's {@code width_bucket}).
   */
  record Run(Grain grain, Instant from, Instant to, int truly, int aligned) {}

  private CorrectionRuns() {}

  /**
   * The runs of {@code cover}, the cover of {@code boundaries}, by grain and time; runs outside
   * every period (neither period within 1..n) are left out, as they count nowhere.
   */
  static List<Run> of(TimeCover.Cover cover, List<Instant> boundaries) {
    int periods = boundaries.size() - 1;
    List<Run> runs = new ArrayList<>();
    for (Map.Entry<Grain, List<Instant>> corrections : cover.corrections().entrySet()) {
      Grain grain = corrections.getKey();
      Run run = null;
      for (Instant bucket : corrections.getValue()) {
        int truly = period(boundaries, bucket);
        int aligned = period(cover.aligned(), bucket);
        if (run != null && run.to().equals(bucket) && run.truly() == truly && run.aligned() == aligned) {
          run = new Run(grain, run.from(), grain.next(bucket), truly, aligned);
          runs.set(runs.size() - 1, run);
        } else if (within(truly, periods) || within(aligned, periods)) {
          run = new Run(grain, bucket, grain.next(bucket), truly, aligned);
          runs.add(run);
        } else {
          run = null;
        }
      }
    }
    return List.copyOf(runs);
  }

  /** How many of the increasing {@code thresholds} are at or before {@code at}. */
  private static int period(List<Instant> thresholds, Instant at) {
    int found = Collections.binarySearch(thresholds, at);
    if (found < 0) {
      return -found - 1;
    }
    // Aligned boundaries may repeat; every one equal to {@code at} is at or before it.
    while (found + 1 < thresholds.size() && thresholds.get(found + 1).equals(at)) {
      found++;
    }
    return found + 1;
  }

  private static boolean within(int period, int periods) {
    return period >= 1 && period <= periods;
  }
}
