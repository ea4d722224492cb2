package dev.csat.engagement;

import java.time.Instant;

/** One entry of a history's interactions: the user's state on one feature, seed 000's names. */
record UserInteractionView(
    String productKey,
    String productFeatureKey,
    int interactionCount,
    long totalInteractionCount,
    int interactionThreshold,
    int rejectionCount,
    int rejectionThreshold,
    boolean shouldRequestFeedback,
    Instant lastFeedbackAt,
    Instant createdAt,
    Instant updatedAt) {

  static UserInteractionView of(UserFeatureState state) {
    return new UserInteractionView(state.productKey(), state.featureKey(), state.interactionCount(),
        state.totalInteractionCount(), state.interactionThreshold(), state.rejectionCount(),
        state.rejectionThreshold(), state.shouldRequestFeedback(), state.lastFeedbackAt(), state.createdAt(),
        state.updatedAt());
  }
}
