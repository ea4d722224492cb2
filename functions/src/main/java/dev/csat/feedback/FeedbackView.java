package dev.csat.feedback;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A feedback as the inbox's responses show it (the Feedback schema of openapi.yaml); other
 * responses that show feedbacks (a respondent's history) use it too.
 */
public record FeedbackView(
    UUID id,
    String productKey,
    String featureKey,
    String userEmail,
    String respondentId,
    int rating,
    String scale,
    String comment,
    String source,
    String platform,
    String reference,
    String companyId,
    String companyName,
    String agentId,
    String carrier,
    String country,
    @JsonRawValue String metadata,
    String state,
    FollowUpView followUp,
    String userAgent,
    Instant createdAt,
    Instant updatedAt) {

  public record FollowUpView(String comment, String createdBy, Instant createdAt, String updatedBy, Instant updatedAt) {}

  public static FeedbackView of(InboxFeedback f) {
    FollowUp followUp = f.followUp();
    return new FeedbackView(f.id(), f.productKey(), f.featureKey(), f.userEmail(), f.respondentId(), f.rating(),
        f.scale().wireName(), f.comment(), f.source().wireName(), f.platform(), f.reference(), f.companyId(),
        f.companyName(), f.agentId(), f.carrier(), f.country(), f.metadata(), f.state().wireName(),
        followUp == null ? null : new FollowUpView(followUp.comment(), followUp.createdBy(), followUp.createdAt(),
            followUp.updatedBy(), followUp.updatedAt()),
        f.userAgent(), f.createdAt(), f.updatedAt());
  }

  public static List<FeedbackView> of(List<InboxFeedback> feedbacks) {
    return feedbacks.stream().map(FeedbackView::of).toList();
  }
}
