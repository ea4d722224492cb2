package dev.csat.catalog;

/**
 * Changes to a feature's settings. A {@code null} component leaves that setting as it is;
 * the description can also be cleared, which {@code clearDescription} says.
 */
public record FeaturePatch(
    String name,
    String description,
    boolean clearDescription,
    Integer interactionThreshold,
    Integer rejectionThreshold,
    Integer cooldownDays,
    Boolean enabled) {}
