package dev.csat.interactions;

import java.time.Instant;
import java.util.UUID;

/** The stored feedback as the submit response echoes it. */
record FeedbackView(
    UUID id,
    String productKey,
    String featureKey,
    String userEmail,
    int rating,
    String source,
    String comment,
    String userAgent,
    Instant createdAt,
    Instant updatedAt) {

  static FeedbackView of(Feedback feedback) {
    return new FeedbackView(feedback.id(), feedback.productKey(), feedback.featureKey(), feedback.userEmail(),
        feedback.rating(), feedback.source().wireName(), feedback.comment(), feedback.userAgent(),
        feedback.createdAt(), feedback.updatedAt());
  }
}
