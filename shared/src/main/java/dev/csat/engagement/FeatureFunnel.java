package dev.csat.engagement;

/** The funnel of one feature. */
public record FeatureFunnel(String featureKey, FunnelCounts counts) {}
