package dev.csat.analytics;

import dev.csat.feedback.Scale;
import dev.csat.feedback.Source;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Counted ratings: how many of each rating of each scale ({@link RatingSlot} order) and how many
 * from each source. Every metric is computed from these counts, so it is exact.
 */
public record Tally(long[] ratings, long[] sources) {
  public Tally {
    if (ratings.length != RatingSlot.ALL.size() || sources.length != Source.values().length) {
      throw new IllegalArgumentException("a tally has " + RatingSlot.ALL.size() + " ratings and "
          + Source.values().length + " sources");
    }
    ratings = ratings.clone();
    sources = sources.clone();
  }

  public static Tally empty() {
    return new Tally(new long[RatingSlot.ALL.size()], new long[Source.values().length]);
  }

  public long count() {
    return Arrays.stream(ratings).sum();
  }

  public long count(Scale scale, int rating) {
    return ratings[RatingSlot.index(scale, rating)];
  }

  public long fromSource(Source source) {
    return sources[source.ordinal()];
  }

  public Tally plus(Tally other) {
    return combined(other, 1);
  }

  /** These counts less the other's: what is left of a sum once a part of it is taken away. */
  public Tally minus(Tally other) {
    return combined(other, -1);
  }

  private Tally combined(Tally other, int sign) {
    long[] r = ratings.clone();
    long[] s = sources.clone();
    for (int i = 0; i < r.length; i++) {
      r[i] += sign * other.ratings[i];
    }
    for (int i = 0; i < s.length; i++) {
      s[i] += sign * other.sources[i];
    }
    return new Tally(r, s);
  }

  /** The metrics of each scale that has ratings, in {@link Scale} order. */
  public List<ScaleSummary> scales() {
    List<ScaleSummary> summaries = new ArrayList<>();
    for (Scale scale : Scale.values()) {
      long[] distribution = new long[scale.max() - scale.min() + 1];
      for (int rating = scale.min(); rating <= scale.max(); rating++) {
        distribution[rating - scale.min()] = count(scale, rating);
      }
      if (Arrays.stream(distribution).sum() > 0) {
        summaries.add(ScaleSummary.of(scale, distribution));
      }
    }
    return summaries;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Tally tally && Arrays.equals(ratings, tally.ratings)
        && Arrays.equals(sources, tally.sources);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(ratings) + Arrays.hashCode(sources);
  }

  @Override
  public String toString() {
    return "Tally" + Arrays.toString(ratings) + Arrays.toString(sources);
  }
}
