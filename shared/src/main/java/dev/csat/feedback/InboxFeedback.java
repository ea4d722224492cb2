package dev.csat.feedback;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored feedback as the inbox shows it, whatever its source.
 *
 * @param metadata the caller's JSON object as text, or null
 * @param followUp null until the support team adds one
 */
public record InboxFeedback(
    UUID id,
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
    String carrier,
    String country,
    String metadata,
    State state,
    FollowUp followUp,
    String userAgent,
    Instant createdAt,
    Instant updatedAt) {}
