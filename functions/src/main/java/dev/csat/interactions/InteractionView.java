package dev.csat.interactions;

import java.time.Instant;

/** The increment and reject response of seed 000. */
record InteractionView(
    String userEmail,
    int interactionCount,
    long totalInteractionCount,
    int interactionThreshold,
    int rejectionCount,
    int rejectionThreshold,
    boolean shouldRequestFeedback,
    Instant createdAt,
    Instant updatedAt) {

  static InteractionView of(InteractionState state) {
    return new InteractionView(state.userEmail(), state.interactionCount(), state.totalInteractionCount(),
        state.interactionThreshold(), state.rejectionCount(), state.rejectionThreshold(),
        state.shouldRequestFeedback(), state.createdAt(), state.updatedAt());
  }
}
