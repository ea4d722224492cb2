package dev.csat.analytics;

import java.util.List;

/** GET /analytics/timeseries: every period of the (widened) range, empty ones included. */
record SeriesView(String interval, RangeView period, List<PeriodView> periods) {
  static SeriesView of(Interval interval, DateRange range, List<Analytics.Period> periods) {
    return new SeriesView(interval.wireName(), RangeView.of(range), periods.stream().map(PeriodView::of).toList());
  }
}
