package dev.csat.engagement;

import dev.csat.feedback.FeedbackView;
import java.util.List;

/** getUserHistory's response: the user's interactions and a page of their feedbacks, as the inbox shows them. */
record UserHistoryView(String userEmail, List<UserInteractionView> interactions, FeedbackPageView feedbacks) {
  record FeedbackPageView(List<FeedbackView> data, String next, boolean hasMore) {}

  static UserHistoryView of(UserHistory history) {
    var page = history.feedbacks();
    return new UserHistoryView(history.userEmail(),
        history.interactions().stream().map(UserInteractionView::of).toList(),
        new FeedbackPageView(FeedbackView.of(page.data()), page.next(), page.hasMore()));
  }
}
