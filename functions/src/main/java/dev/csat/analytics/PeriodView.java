package dev.csat.analytics;

import dev.csat.analytics.TallyView.ScaleView;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One period of a time series: its first local day, its instants [from, to) and its metrics. */
record PeriodView(String startDate, Instant from, Instant to, long count, Map<String, Long> bySource,
    List<ScaleView> scales) {
  static PeriodView of(Analytics.Period period) {
    TallyView tally = TallyView.of(period.tally());
    return new PeriodView(period.start().toString(), period.from(), period.to(), tally.count(), tally.bySource(),
        tally.scales());
  }
}
