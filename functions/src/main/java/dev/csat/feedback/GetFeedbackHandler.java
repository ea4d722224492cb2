package dev.csat.feedback;

import dev.csat.App;
import dev.csat.auth.Scopes;
import dev.csat.http.ApiHandler;
import dev.csat.http.Call;
import dev.csat.http.Http;
import dev.csat.http.Reply;

/** getFeedback: GET /feedbacks/{feedback_id} */
public final class GetFeedbackHandler extends ApiHandler<Void, FeedbackView> {
  private final Inbox inbox;

  public GetFeedbackHandler() {
    this(App.get().inbox(), App.get().http());
  }

  GetFeedbackHandler(Inbox inbox, Http http) {
    super(Scopes.FEEDBACK_READ, http);
    this.inbox = inbox;
  }

  @Override
  protected Reply<FeedbackView> handle(Call<Void> call) {
    return Reply.ok(FeedbackView.of(inbox.get(call.tenant(), call.pathUuid("feedback_id"))));
  }
}
