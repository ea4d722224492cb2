package dev.csat.engagement;

import java.util.List;

/**
 * The prompting funnel of a product, or of one of its features ({@code featureKey} not null):
 * the totals count each user once however many features they have rows for (dismissals are a
 * plain sum), and each feature of the scope has its own counts, by feature key.
 */
public record Funnel(String productKey, String featureKey, FunnelCounts totals, List<FeatureFunnel> features) {
  public Funnel {
    features = List.copyOf(features);
  }
}
