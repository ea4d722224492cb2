package dev.csat.analytics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which rollup buckets make up a run of consecutive periods [b0, b1), [b1, b2), ...: each period
 * is covered greedily by the coarsest buckets that start at its current position and end within
 * it, so no bucket straddles a period boundary and every instant is counted once. Runs of
 * adjacent buckets of one grain merge into one range, so a query reads few ranges: a two-year
 * daily series in Europe/Berlin is one range of hours, in UTC one range of days.
 */
public final class TimeCover {
  /** Rollup rows of {@code grain} whose bucket starts in [from, to). */
  public record Range(Grain grain, Instant from, Instant to) {}

  private TimeCover() {}

  /** The ranges covering [boundaries[0], boundaries[last]); each boundary must start a quarter hour. */
  public static List<Range> of(List<Instant> boundaries) {
    List<Range> ranges = new ArrayList<>();
    for (int i = 0; i + 1 < boundaries.size(); i++) {
      cover(boundaries.get(i), boundaries.get(i + 1), ranges);
    }
    return ranges;
  }

  private static void cover(Instant from, Instant to, List<Range> ranges) {
    if (!Grain.QUARTER.starts(from) || !Grain.QUARTER.starts(to) || !from.isBefore(to)) {
      throw new IllegalArgumentException("not a period of whole quarter hours: " + from + " to " + to);
    }
    Instant at = from;
    while (at.isBefore(to)) {
      Grain grain = coarsestFitting(at, to);
      Instant next = grain.next(at);
      Range last = ranges.isEmpty() ? null : ranges.getLast();
      if (last != null && last.grain() == grain && last.to().equals(at)) {
        ranges.set(ranges.size() - 1, new Range(grain, last.from(), next));
      } else {
        ranges.add(new Range(grain, at, next));
      }
      at = next;
    }
  }

  private static Grain coarsestFitting(Instant at, Instant to) {
    Grain[] grains = Grain.values();
    for (int i = grains.length - 1; i > 0; i--) {
      if (grains[i].starts(at) && !grains[i].next(at).isAfter(to)) {
        return grains[i];
      }
    }
    return Grain.QUARTER;
  }
}
