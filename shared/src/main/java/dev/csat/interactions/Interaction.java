package dev.csat.interactions;

import java.time.Instant;

/**
 * What is stored about one user's use of one feature. {@code lastFeedbackAt},
 * {@code createdAt} and {@code updatedAt} are null for a user with no stored row yet.
 */
public record Interaction(
    String featureKey,
    String userEmail,
    int interactionCount,
    long totalInteractionCount,
    int rejectionCount,
    Instant lastFeedbackAt,
    Instant createdAt,
    Instant updatedAt) {

  /** A user who has never touched the feature reads as zeros. */
  public static Interaction none(String featureKey, String userEmail) {
    return new Interaction(featureKey, userEmail, 0, 0, 0, null, null, null);
  }
}
