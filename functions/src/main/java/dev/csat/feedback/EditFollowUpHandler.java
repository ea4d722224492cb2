package dev.csat.feedback;

import dev.csat.App;
import dev.csat.auth.Scopes;
import dev.csat.http.ApiHandler;
import dev.csat.http.Call;
import dev.csat.http.Http;
import dev.csat.http.Reply;

/** editFollowUp: PUT /feedbacks/{feedback_id}/follow-up (404 when there is none yet) */
public final class EditFollowUpHandler extends ApiHandler<FollowUpBody, FeedbackView> {
  private final Inbox inbox;

  public EditFollowUpHandler() {
    this(App.get().inbox(), App.get().http());
  }

  EditFollowUpHandler(Inbox inbox, Http http) {
    super(FollowUpBody.READER, Scopes.FEEDBACK_COMMENT, http);
    this.inbox = inbox;
  }

  @Override
  protected Reply<FeedbackView> handle(Call<FollowUpBody> call) {
    var feedback = inbox.editFollowUp(call.tenant(), call.pathUuid("feedback_id"), call.body().comment(),
        call.caller().principal());
    return Reply.ok(FeedbackView.of(feedback));
  }
}
