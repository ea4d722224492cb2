package dev.csat.interactions;

import dev.csat.core.Fingerprint;

/**
 * A rating submitted in the app, validated. {@code idempotencyKey} (nullable) makes a retried
 * submission return the first result instead of storing the rating twice.
 */
public record NewFeedback(
    String userEmail,
    int rating,
    FeedbackSource source,
    String comment,
    String userAgent,
    String idempotencyKey) {

  public static final int MIN_RATING = 1;
  public static final int MAX_RATING = 10;

  /** Identifies the submission's content, so a reused idempotency key with other content is refused. */
  public String fingerprint(FeatureRef feature) {
    return Fingerprint.of(feature.productKey(), feature.featureKey(), userEmail, Integer.toString(rating),
        source.wireName(), comment, userAgent);
  }
}
