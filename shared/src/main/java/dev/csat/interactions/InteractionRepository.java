package dev.csat.interactions;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Port: per-user interaction counters and in-app feedback. Each method is one atomic operation:
 * concurrent calls for the same user and feature never lose an update.
 */
public interface InteractionRepository {

  /** Counts one use; empty when the feature does not exist. */
  Optional<TrackedInteraction> increment(FeatureRef feature, String userEmail, Instant now);

  /** Records a dismissal; empty when the feature does not exist. */
  Optional<TrackedInteraction> reject(FeatureRef feature, String userEmail, Instant now);

  /** Every feature of the product with this user's counters; empty when the product does not exist. */
  Optional<List<TrackedInteraction>> listForUser(String tenant, String productKey, String userEmail);

  /** Stores the feedback and resets the user's counters for the feature. */
  FeedbackSubmission submitFeedback(FeatureRef feature, NewFeedback feedback, UUID newId, Instant now);

  /** What {@link #submitFeedback} did. */
  sealed interface FeedbackSubmission {
    /** Stored now, or earlier under the same idempotency key with the same content. */
    record Stored(Feedback feedback) implements FeedbackSubmission {}

    record FeatureMissing() implements FeedbackSubmission {}

    /** The idempotency key was used before for different content. */
    record KeyReused() implements FeedbackSubmission {}
  }
}
