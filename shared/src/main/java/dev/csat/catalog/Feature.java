package dev.csat.catalog;

import java.time.Instant;

/**
 * A feature of a product and its prompting settings: the prompt shows after
 * {@code interactionThreshold} uses, never again after {@code rejectionThreshold} dismissals,
 * and not within {@code cooldownDays} of the user's last feedback.
 */
public record Feature(
    String productKey,
    String featureKey,
    String name,
    String description,
    int interactionThreshold,
    int rejectionThreshold,
    int cooldownDays,
    boolean enabled,
    Instant createdAt,
    Instant updatedAt) {}
