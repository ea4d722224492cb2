package dev.csat.feedback;

import dev.csat.App;
import dev.csat.auth.Scopes;
import dev.csat.http.ApiHandler;
import dev.csat.http.BodyReader;
import dev.csat.http.Call;
import dev.csat.http.Http;
import dev.csat.http.Reply;
import java.util.Set;

/** updateFeedback: PATCH /feedbacks/{feedback_id} (the workflow state) */
public final class UpdateFeedbackHandler extends ApiHandler<State, FeedbackView> {
  static final BodyReader<State> BODY = body -> {
    body.allowOnly(Set.of("state"));
    return WireNamed.read(State.class, body.requiredText("state"), "state", body.checks());
  };

  private final Inbox inbox;

  public UpdateFeedbackHandler() {
    this(App.get().inbox(), App.get().http());
  }

  UpdateFeedbackHandler(Inbox inbox, Http http) {
    super(BODY, Scopes.FEEDBACK_COMMENT, http);
    this.inbox = inbox;
  }

  @Override
  protected Reply<FeedbackView> handle(Call<State> call) {
    return Reply.ok(FeedbackView.of(inbox.setState(call.tenant(), call.pathUuid("feedback_id"), call.body())));
  }
}
