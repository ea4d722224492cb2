package dev.csat.feedback;

import java.util.List;

/** An offset page for admin tables (seed 001), echoing the table's {@code draw} counter. */
record TableView(List<FeedbackView> data, Integer draw, long recordsTotal, long recordsFiltered) {
  static TableView of(TablePage page, Integer draw) {
    return new TableView(FeedbackView.of(page.data()), draw, page.recordsTotal(), page.recordsFiltered());
  }
}
