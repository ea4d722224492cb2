package dev.csat.analytics;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.csat.analytics.TallyView.ScaleView;
import java.util.List;
import java.util.Map;

/** GET /analytics/breakdown: the largest groups, the rest summed, and how many groups there are. */
record BreakdownView(String by, RangeView period, long groups, List<GroupView> top, TallyView rest) {
  static BreakdownView of(BreakdownField by, DateRange range, AnalyticsRepository.Ranking ranking) {
    List<GroupView> top = ranking.top().stream().map(group -> GroupView.of(by, group)).toList();
    return new BreakdownView(by.wireName(), RangeView.of(range), ranking.groups(), top,
        TallyView.of(ranking.rest()));
  }

  /**
   * One group: {@code value} is null for ratings without one. Features also carry their
   * product ({@code value} null for ratings of the product without a feature).
   */
  record GroupView(@JsonInclude(JsonInclude.Include.NON_NULL) String productKey, String value, long count,
      Map<String, Long> bySource, List<ScaleView> scales) {
    static GroupView of(BreakdownField by, AnalyticsRepository.Group group) {
      TallyView tally = TallyView.of(group.tally());
      String productKey = null;
      String value = group.value();
      if (by == BreakdownField.FEATURE && value != null) {
        int slash = value.indexOf('/');
        productKey = value.substring(0, slash);
        value = slash + 1 < value.length() ? value.substring(slash + 1) : null;
      }
      return new GroupView(productKey, value, tally.count(), tally.bySource(), tally.scales());
    }
  }
}
