package dev.csat.engagement;

import dev.csat.feedback.InboxFeedback;
import java.util.List;

/**
 * One respondent's history in a tenant: their state on every feature they have a row for (by
 * product and feature), and a page of their feedbacks, newest first, whatever the source.
 */
public record UserHistory(String userEmail, List<UserFeatureState> interactions, Page<InboxFeedback> feedbacks) {
  public UserHistory {
    interactions = List.copyOf(interactions);
  }
}
