package dev.csat.interactions;

/** One entry of seed 000's feature-interactions list. */
record FeatureInteractionView(
    String productFeatureKey,
    int interactionCount,
    long totalInteractionCount,
    int interactionThreshold,
    int rejectionCount,
    int rejectionThreshold,
    boolean shouldRequestFeedback) {

  static FeatureInteractionView of(InteractionState state) {
    return new FeatureInteractionView(state.featureKey(), state.interactionCount(), state.totalInteractionCount(),
        state.interactionThreshold(), state.rejectionCount(), state.rejectionThreshold(),
        state.shouldRequestFeedback());
  }
}
