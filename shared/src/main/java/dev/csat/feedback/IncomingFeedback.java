package dev.csat.feedback;

import dev.csat.core.Fingerprint;
import java.time.Instant;

/**
 * A feedback to ingest from any source, validated. {@code idempotencyKey} (nullable) makes a
 * retry return the first result; {@code createdAt} (nullable: now) lets an import keep the time
 * the rating was given.
 *
 * @param metadata a JSON object as compact text, or null
 * @param agentName names {@code agentId} in the agents list when given
 */
public record IncomingFeedback(
    String productKey,
    String featureKey,
    String userEmail,
    String respondentId,
    int rating,
    Scale scale,
    String comment,
    Source source,
    String platform,
    String reference,
    String companyId,
    String companyName,
    String agentId,
    String agentName,
    String carrier,
    String country,
    String metadata,
    State state,
    String userAgent,
    Instant createdAt,
    String idempotencyKey) {

  public IncomingFeedback withIdempotencyKey(String key) {
    return new IncomingFeedback(productKey, featureKey, userEmail, respondentId, rating, scale, comment, source,
        platform, reference, companyId, companyName, agentId, agentName, carrier, country, metadata, state,
        userAgent, createdAt, key);
  }

  /** Identifies the submission's content, so a reused idempotency key with other content is refused. */
  public String fingerprint() {
    return Fingerprint.of("inbox", productKey, featureKey, userEmail, respondentId, Integer.toString(rating),
        scale.wireName(), comment, source.wireName(), platform, reference, companyId, companyName, agentId,
        agentName, carrier, country, metadata, state.wireName(), userAgent,
        createdAt == null ? null : createdAt.toString());
  }
}
