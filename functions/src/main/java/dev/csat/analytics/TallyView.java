package dev.csat.analytics;

import dev.csat.feedback.Scale;
import dev.csat.feedback.Source;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The metrics of a tally: its count, the count per source and the metrics of each scale used. */
record TallyView(long count, Map<String, Long> bySource, List<ScaleView> scales) {
  static TallyView of(Tally tally) {
    Map<String, Long> bySource = new LinkedHashMap<>();
    for (Source source : Source.values()) {
      bySource.put(source.wireName(), tally.fromSource(source));
    }
    return new TallyView(tally.count(), bySource, tally.scales().stream().map(ScaleView::of).toList());
  }

  record ScaleView(String scale, long count, BigDecimal average, BigDecimal median, BigDecimal csatPercent,
      BigDecimal aboveMidpointPercent, Map<String, Long> ratingDistribution) {
    static ScaleView of(ScaleSummary summary) {
      Scale scale = summary.scale();
      Map<String, Long> distribution = new LinkedHashMap<>();
      for (int rating = scale.min(); rating <= scale.max(); rating++) {
        distribution.put(String.valueOf(rating), summary.distribution()[rating - scale.min()]);
      }
      return new ScaleView(scale.wireName(), summary.count(), summary.average(), summary.median(),
          summary.csatPercent(), summary.aboveMidpointPercent(), distribution);
    }
  }
}
