package dev.csat.analytics;

/** The days counted, both included, in their time zone; null for an open side. */
record RangeView(String startDate, String endDate, String timeZone) {
  static RangeView of(DateRange range) {
    return new RangeView(range.start() == null ? null : range.start().toString(),
        range.end() == null ? null : range.end().toString(), range.zone().getId());
  }
}
