package dev.csat.analytics;

import java.time.Instant;
import java.util.List;

/** Rolled-up ratings plus the live tail of changes not yet rolled up: exact at any moment. */
public interface AnalyticsRepository {
  /** For each period [boundaries[i], boundaries[i + 1]), the tally of the ratings the filter counts. */
  List<Tally> tallies(String tenant, List<Instant> boundaries, AnalyticsFilter filter);

  /**
   * The ratings in [from, to) that the filter counts, grouped by {@code by}: the {@code limit}
   * largest groups (ties by value), the rest summed, and how many groups there are. A group's
   * value is null for ratings without one (no agent, say).
   */
  Ranking ranking(String tenant, Instant from, Instant to, AnalyticsFilter filter, BreakdownField by, int limit);

  /** Moves up to {@code maxChanges} of the oldest queued changes into the rollups, atomically; returns how many. */
  int rollUp(int maxChanges);

  record Ranking(List<Group> top, Tally rest, long groups) {}

  record Group(String value, Tally tally) {}
}
