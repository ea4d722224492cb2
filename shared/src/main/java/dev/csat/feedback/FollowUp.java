package dev.csat.feedback;

import java.time.Instant;

/**
 * The support team's follow-up comment on a feedback (seed 001): who wrote it and when, and who
 * last edited it and when (both null until it is edited).
 */
public record FollowUp(String comment, String createdBy, Instant createdAt, String updatedBy, Instant updatedAt) {}
