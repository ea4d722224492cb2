package dev.csat.feedback;

import dev.csat.App;
import dev.csat.auth.Scopes;
import dev.csat.http.ApiHandler;
import dev.csat.http.Call;
import dev.csat.http.Http;
import dev.csat.http.Reply;
import java.util.Set;

/** countFeedbacks: GET /feedbacks/count (the filters of GET /feedbacks) */
public final class CountFeedbacksHandler extends ApiHandler<Void, CountView> {
  private final Inbox inbox;

  public CountFeedbacksHandler() {
    this(App.get().inbox(), App.get().http());
  }

  CountFeedbacksHandler(Inbox inbox, Http http) {
    super(Scopes.FEEDBACK_READ, http);
    this.inbox = inbox;
  }

  @Override
  protected Reply<CountView> handle(Call<Void> call) {
    return Reply.ok(new CountView(inbox.count(QueryString.read(call, Set.of()).toQuery())));
  }
}
