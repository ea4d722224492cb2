package dev.csat.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which rollup rows make up a run of consecutive periods [t0, t1), [t1, t2), ..., [tn-1, tn).
 *
 * <p>Each boundary t is first moved to an aligned instant a nearby: the nearest UTC month start
 * within 14 hours, else the nearest UTC midnight. The periods' bulk [a0, a1), [a1, a2), ... is
 * covered by the coarsest buckets that fit (days and months), read as a few merged ranges; a
 * row's period is the one among [a0, a1), ... that holds its bucket ({@link Part#BY_BUCKET}).
 * What lies between a boundary and its aligned instant (a fragment of hours and quarter hours)
 * is then added to the period the boundary ends and subtracted from the one it starts, or the
 * other way round when the aligned instant is the later one:
 *
 * <pre>count[t(p-1), t(p)) = count[a(p-1), a(p)) + count[a(p), t(p)) - count[a(p-1), t(p-1))</pre>
 *
 * <p>So a local day in Europe/Berlin is a UTC day plus one hour minus one hour, not 24 hours,
 * and a two-year daily series reads about 730 day rows and 730 hour rows.
 */
public final class TimeCover {
  /**
   * How far a boundary may be moved to a month start rather than to the nearest midnight: every
   * zone's offset is within 14 hours of UTC, so every local month (and quarter) start moves to the
   * UTC one, and a monthly series reads month rows.
   */
  private static final Duration MONTH_SNAP = Duration.ofHours(14);

  /**
   * Rollup rows of {@code grain} whose bucket starts in [from, to), multiplied by {@code sign}
   * and added to {@code period} (1-based), or, when period is {@link #BY_BUCKET}, to the period
   * of {@link Cover#aligned()} that holds the row's bucket.
   */
  public record Part(Grain grain, Instant from, Instant to, int period, int sign) {
    public static final int BY_BUCKET = 0;
  }

  /** The parts, and the aligned boundaries that the {@link Part#BY_BUCKET} rows fall between. */
  public record Cover(List<Instant> aligned, List<Part> parts) {}

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
    List<Part> parts = new ArrayList<>();
    for (int i = 0; i + 1 < aligned.size(); i++) {
      cover(aligned.get(i), aligned.get(i + 1), Part.BY_BUCKET, 1, parts);
    }
    int periods = boundaries.size() - 1;
    for (int i = 0; i < boundaries.size(); i++) {
      Instant boundary = boundaries.get(i);
      Instant near = aligned.get(i);
      if (boundary.equals(near)) {
        continue;
      }
      int sign = boundary.isAfter(near) ? 1 : -1;
      Instant from = sign > 0 ? near : boundary;
      Instant to = sign > 0 ? boundary : near;
      if (i >= 1) {
        cover(from, to, i, sign, parts);
      }
      if (i < periods) {
        cover(from, to, i + 1, -sign, parts);
      }
    }
    return new Cover(List.copyOf(aligned), List.copyOf(parts));
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

  /**
   * Covers [from, to) greedily with the coarsest buckets that start at the current position and
   * end within it, merging a bucket into the last part when that part has the same grain, period
   * and sign and ends where the bucket starts.
   */
  private static void cover(Instant from, Instant to, int period, int sign, List<Part> parts) {
    Instant at = from;
    while (at.isBefore(to)) {
      Grain grain = coarsestFitting(at, to);
      Instant next = grain.next(at);
      Part last = parts.isEmpty() ? null : parts.getLast();
      if (last != null && last.grain() == grain && last.to().equals(at) && last.period() == period
          && last.sign() == sign) {
        parts.set(parts.size() - 1, new Part(grain, last.from(), next, period, sign));
      } else {
        parts.add(new Part(grain, at, next, period, sign));
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
