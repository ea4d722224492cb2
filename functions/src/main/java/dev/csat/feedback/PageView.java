package dev.csat.feedback;

import java.util.List;

/** A keyset page (seed 004): {@code next}/{@code previous} cursors, null when there is nothing that way. */
record PageView(List<FeedbackView> data, String next, String previous, boolean hasMore) {
  static PageView of(KeysetPage page) {
    return new PageView(FeedbackView.of(page.data()), page.next(), page.previous(), page.hasMore());
  }
}
