package dev.csat.engagement;

import java.time.Instant;
import java.util.List;

/** One user of listFeatureUsers (the feature's thresholds are the same for all, so not repeated). */
record FeatureUserView(
    String userEmail,
    int interactionCount,
    long totalInteractionCount,
    int rejectionCount,
    boolean shouldRequestFeedback,
    Instant lastFeedbackAt,
    Instant createdAt,
    Instant updatedAt) {

  /** The page: {@code {"data": [...], "next": ..., "has_more": ...}}. */
  record PageView(List<FeatureUserView> data, String next, boolean hasMore) {
    static PageView of(Page<UserFeatureState> page) {
      return new PageView(page.data().stream().map(FeatureUserView::of).toList(), page.next(), page.hasMore());
    }
  }

  static FeatureUserView of(UserFeatureState state) {
    return new FeatureUserView(state.userEmail(), state.interactionCount(), state.totalInteractionCount(),
        state.rejectionCount(), state.shouldRequestFeedback(), state.lastFeedbackAt(), state.createdAt(),
        state.updatedAt());
  }
}
