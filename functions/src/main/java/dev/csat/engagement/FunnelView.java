package dev.csat.engagement;

import java.util.List;

/** getInteractionFunnel's response: the totals of the product (or feature), then each feature's. */
record FunnelView(
    String productKey,
    String featureKey,
    long usersWithInteractions,
    long usersDuePrompt,
    long usersExhausted,
    long usersWithFeedback,
    long dismissals,
    List<FeatureView> features) {

  record FeatureView(
      String featureKey,
      long usersWithInteractions,
      long usersDuePrompt,
      long usersExhausted,
      long usersWithFeedback,
      long dismissals) {

    static FeatureView of(FeatureFunnel feature) {
      FunnelCounts c = feature.counts();
      return new FeatureView(feature.featureKey(), c.usersWithInteractions(), c.usersDuePrompt(),
          c.usersExhausted(), c.usersWithFeedback(), c.dismissals());
    }
  }

  static FunnelView of(Funnel funnel) {
    FunnelCounts c = funnel.totals();
    return new FunnelView(funnel.productKey(), funnel.featureKey(), c.usersWithInteractions(), c.usersDuePrompt(),
        c.usersExhausted(), c.usersWithFeedback(), c.dismissals(),
        funnel.features().stream().map(FeatureView::of).toList());
  }
}
