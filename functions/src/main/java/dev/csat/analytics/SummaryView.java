package dev.csat.analytics;

import dev.csat.analytics.TallyView.ScaleView;
import java.util.List;
import java.util.Map;

/** GET /analytics/summary. */
record SummaryView(RangeView period, long count, Map<String, Long> bySource, List<ScaleView> scales) {
  static SummaryView of(DateRange range, Tally tally) {
    TallyView view = TallyView.of(tally);
    return new SummaryView(RangeView.of(range), view.count(), view.bySource(), view.scales());
  }
}
