package dev.csat.interactions;

/** One feature of one product of one tenant. */
public record FeatureRef(String tenant, String productKey, String featureKey) {
  public static FeatureRef of(String tenant, String productKey, String featureKey) {
    return new FeatureRef(tenant, productKey, featureKey);
  }
}
