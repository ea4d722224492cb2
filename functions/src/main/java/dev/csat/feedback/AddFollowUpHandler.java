package dev.csat.feedback;

import dev.csat.App;
import dev.csat.auth.Scopes;
import dev.csat.http.ApiHandler;
import dev.csat.http.Call;
import dev.csat.http.Http;
import dev.csat.http.Reply;

/** addFollowUp: POST /feedbacks/{feedback_id}/follow-up (409 when there is one: PUT edits it) */
public final class AddFollowUpHandler extends ApiHandler<FollowUpBody, FeedbackView> {
  private final Inbox inbox;

  public AddFollowUpHandler() {
    this(App.get().inbox(), App.get().http());
  }

  AddFollowUpHandler(Inbox inbox, Http http) {
    super(FollowUpBody.READER, Scopes.FEEDBACK_COMMENT, http);
    this.inbox = inbox;
  }

  @Override
  protected Reply<FeedbackView> handle(Call<FollowUpBody> call) {
    var feedback = inbox.addFollowUp(call.tenant(), call.pathUuid("feedback_id"), call.body().comment(),
        call.caller().principal());
    return Reply.created(FeedbackView.of(feedback));
  }
}
