package dev.csat.feedback;

import dev.csat.App;
import dev.csat.auth.Scopes;
import dev.csat.http.ApiHandler;
import dev.csat.http.Call;
import dev.csat.http.Http;
import dev.csat.http.Reply;

/** countFeedbackSearch: POST /feedbacks/search/count */
public final class CountFeedbackSearchHandler extends ApiHandler<SearchBody, CountView> {
  private final Inbox inbox;

  public CountFeedbackSearchHandler() {
    this(App.get().inbox(), App.get().http());
  }

  CountFeedbackSearchHandler(Inbox inbox, Http http) {
    super(SearchBody::readCount, Scopes.FEEDBACK_READ, http);
    this.inbox = inbox;
  }

  @Override
  protected Reply<CountView> handle(Call<SearchBody> call) {
    return Reply.ok(new CountView(inbox.count(call.body().query(call.tenant()))));
  }
}
