package dev.csat.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which rollup rows make up a run of consecutive periods [t0, t1), [t1, t2), ..., [tn-1, tn).
 *
 * <p>Each boundary t is first moved to an aligned instant a nearby: the nearest UTC month start
 * within 14 hours, else the nearest UTC midnight. The bulk [a0, an) is covered by the coarsest
 * buckets that fit between the aligned boundaries (days and months), read as a few merged
 * ranges, and each of its rows counts in the period of the aligned boundaries that holds its
 * bucket: its "aligned period". That is wrong only for what lies between a boundary and its
 * aligned instant, so those instants are also covered, by hours and quarter hours (the
 * corrections), and each correction row counts once more in its true period (among the
 * boundaries t) and once less in its aligned period:
 *
 * <pre>count(period p) = bulk rows with aligned period p
 *                  + correction rows with true period p - correction rows with aligned period p</pre>
 *
 * <p>(A correction row outside [a0, an) was not in the bulk; its aligned period is then outside
 * 1..n and counts nowhere.) So a winter day in Europe/Berlin is a UTC day plus the hour before
 * it minus its own last hour (two hours in summer): a two-year daily series reads 730 day rows
 * and about 1,150 hour rows, not 17,520 hours.
 */
public final class TimeCover {
  /**
   * How far a boundary may be moved to a month start rather than to the nearest midnight: every
   * zone's offset is within 14 hours of UTC, so every local month (and quarter) start moves to the
   * UTC one, and a monthly series reads month rows.
   */
  private static final Duration MONTH_SNAP = Duration.ofHours(14);
  /**
   * How many times fewer sub-month hours the enclosing months must list to be read instead: a
   * month of rows of a many-valued dimension (5,000 companies) costs about as much as five or six
   * of its days.
   */
  private static final int ENCLOSING_RATIO = 4;

  /** Rollup rows of {@code grain} whose bucket starts in [from, to). */
  public record Range(Grain grain, Instant from, Instant to) {}

  /**
   * The aligned boundaries, the ranges of the bulk, and the correction buckets: for each grain,
   * the starts of its buckets, in increasing order.
   */
  public record Cover(List<Instant> aligned, List<Range> bulk, Map<Grain, List<Instant>> corrections) {}

  private TimeCover() {}

  /** The cover of the periods between {@code boundaries}; each must start a quarter hour, in increasing order. */
  public static Cover of(List<Instant> boundaries) {
    List<Instant> aligned = new ArrayList<>();
    for (int i = 0; i < boundaries.size(); i++) {
      Instant boundary = boundaries.get(i);
      if (!Grain.QUARTER.starts(boundary) || i > 0 && !boundary.isAfter(boundaries.get(i - 1))) {
        throw new IllegalArgumentException("boundaries must be increasing quarter hours: " + boundaries);
      }
      Instant near = aligned(boundary);
      // Never before the previous one: the aligned boundaries must not decrease.
      aligned.add(i == 0 || near.isAfter(aligned.getLast()) ? near : aligned.getLast());
    }
    List<Range> bulk = new ArrayList<>();
    for (int i = 0; i + 1 < aligned.size(); i++) {
      cover(aligned.get(i), aligned.get(i + 1), bulk);
    }
    return new Cover(List.copyOf(aligned), List.copyOf(bulk), corrections(boundaries, aligned));
  }

  /**
   * The buckets covering the instants between each boundary and its aligned one. Those stretches
   * are merged first where they touch or overlap, so that no instant is covered twice.
   */
  private static Map<Grain, List<Instant>> corrections(List<Instant> boundaries, List<Instant> aligned) {
    record Stretch(Instant from, Instant to) {}
    List<Stretch> stretches = new ArrayList<>();
    for (int i = 0; i < boundaries.size(); i++) {
      Instant from = min(boundaries.get(i), aligned.get(i));
      Instant to = max(boundaries.get(i), aligned.get(i));
      if (from.equals(to)) {
        continue;
      }
      Stretch last = stretches.isEmpty() ? null : stretches.getLast();
      if (last != null && !from.isAfter(last.to())) {
        stretches.set(stretches.size() - 1, new Stretch(last.from(), max(last.to(), to)));
      } else {
        stretches.add(new Stretch(from, to));
      }
    }
    List<Range> ranges = new ArrayList<>();
    for (Stretch stretch : stretches) {
      cover(stretch.from(), stretch.to(), ranges);
    }
    Map<Grain, List<Instant>> buckets = new EnumMap<>(Grain.class);
    for (Range range : ranges) {
      List<Instant> starts = buckets.computeIfAbsent(range.grain(), grain -> new ArrayList<>());
      for (Instant at = range.from(); at.isBefore(range.to()); at = range.grain().next(at)) {
        starts.add(at);
      }
    }
    buckets.replaceAll((grain, starts) -> starts.stream().sorted().toList());
    return Collections.unmodifiableMap(buckets);
  }

  /**
   * For a single range [from, to): the whole UTC months [m0, m1), m0 and m1 the month starts
   * nearest to from and to, when reading those months plus or minus the stretches between each
   * end and its month start lists far fewer sub-month hours (days, hours, quarter hours) than the
   * range's own cover. Thirty days from the 2nd are then a month minus a day, not thirty days.
   * Empty when the range's own cover is as good.
   */
  public static Optional<Range> enclosingMonths(Instant from, Instant to) {
    Instant m0 = nearest(Grain.MONTH, from);
    Instant m1 = nearest(Grain.MONTH, to);
    if (!m0.isBefore(m1)) {
      return Optional.empty();
    }
    long enclosing = hours(from, m0) + hours(to, m1);
    Instant a = aligned(from);
    Instant b = aligned(to);
    Instant firstWhole = Grain.MONTH.starts(a) ? a : Grain.MONTH.next(Grain.MONTH.floor(a));
    Instant lastWholeEnd = Grain.MONTH.floor(b);
    long own = firstWhole.isBefore(lastWholeEnd)
        ? hours(a, firstWhole) + hours(lastWholeEnd, b)
        : hours(a, b);
    return enclosing * ENCLOSING_RATIO < own ? Optional.of(new Range(Grain.MONTH, m0, m1)) : Optional.empty();
  }

  private static long hours(Instant a, Instant b) {
    return Duration.between(a, b).abs().toHours();
  }

  private static Instant aligned(Instant boundary) {
    Instant month = nearest(Grain.MONTH, boundary);
    if (Duration.between(boundary, month).abs().compareTo(MONTH_SNAP) <= 0) {
      return month;
    }
    return nearest(Grain.DAY, boundary);
  }

  private static Instant nearest(Grain grain, Instant at) {
    Instant floor = grain.floor(at);
    Instant ceiling = floor.equals(at) ? at : grain.next(floor);
    return Duration.between(floor, at).compareTo(Duration.between(at, ceiling)) <= 0 ? floor : ceiling;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /**
   * Covers [from, to) greedily with the coarsest buckets that start at the current position and
   * end within it, merging a bucket into the last range when that range has the same grain and
   * ends where the bucket starts.
   */
  private static void cover(Instant from, Instant to, List<Range> ranges) {
    if (!Grain.QUARTER.starts(from) || !Grain.QUARTER.starts(to)) {
      throw new IllegalArgumentException("not a stretch of whole quarter hours: " + from + " to " + to);
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
