package dev.csat.feedback;

import dev.csat.App;
import dev.csat.auth.Scopes;
import dev.csat.http.ApiHandler;
import dev.csat.http.Call;
import dev.csat.http.DataList;
import dev.csat.http.Http;
import dev.csat.http.Reply;

/** getTicketFeedback: GET /tickets/{ticket_id}/feedback (no rating yet: an empty list) */
public final class GetTicketFeedbackHandler extends ApiHandler<Void, DataList<FeedbackView>> {
  private final Inbox inbox;

  public GetTicketFeedbackHandler() {
    this(App.get().inbox(), App.get().http());
  }

  GetTicketFeedbackHandler(Inbox inbox, Http http) {
    super(Scopes.FEEDBACK_READ, http);
    this.inbox = inbox;
  }

  @Override
  protected Reply<DataList<FeedbackView>> handle(Call<Void> call) {
    return Reply.ok(DataList.of(FeedbackView.of(inbox.byReference(call.tenant(), call.pathKey("ticket_id")))));
  }
}
