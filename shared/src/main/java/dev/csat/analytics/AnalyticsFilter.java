package dev.csat.analytics;

import dev.csat.feedback.Scale;
import dev.csat.feedback.Source;
import java.util.List;
import java.util.Set;

/**
 * Which ratings count: those whose {@code dimension} (if any) has one of {@code values}, from one
 * of {@code sources}, on one of {@code scales}, with one of {@code scores}; an empty set allows
 * all. One dimension at a time: the rollups count each dimension on its own (with the source).
 * A product and its features are one dimension: FEATURE with values "product/feature".
 */
public record AnalyticsFilter(Dimension dimension, List<String> values, Set<Source> sources, Set<Scale> scales,
    Set<Integer> scores) {
  public static final AnalyticsFilter NONE = new AnalyticsFilter(null, List.of(), Set.of(), Set.of(), Set.of());

  public AnalyticsFilter {
    if ((dimension == null) != values.isEmpty()) {
      throw new IllegalArgumentException("a dimension filter needs values, and values a dimension");
    }
    values = List.copyOf(values);
    sources = Set.copyOf(sources);
    scales = Set.copyOf(scales);
    scores = Set.copyOf(scores);
  }

  /** Whether ratings of this slot count. */
  public boolean counts(RatingSlot slot) {
    return (scales.isEmpty() || scales.contains(slot.scale())) && (scores.isEmpty() || scores.contains(slot.rating()));
  }
}
