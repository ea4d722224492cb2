package dev.csat.interactions;

import java.time.Instant;
import java.util.UUID;

/** A stored in-app rating. */
public record Feedback(
    UUID id,
    String productKey,
    String featureKey,
    String userEmail,
    int rating,
    FeedbackSource source,
    String comment,
    String userAgent,
    Instant createdAt,
    Instant updatedAt) {}
