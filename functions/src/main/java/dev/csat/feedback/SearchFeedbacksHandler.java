package dev.csat.feedback;

import dev.csat.App;
import dev.csat.auth.Scopes;
import dev.csat.http.ApiHandler;
import dev.csat.http.Call;
import dev.csat.http.Http;
import dev.csat.http.Reply;

/** searchFeedbacks: POST /feedbacks/search (seed 004's filter language, keyset pages) */
public final class SearchFeedbacksHandler extends ApiHandler<SearchBody, PageView> {
  private final Inbox inbox;

  public SearchFeedbacksHandler() {
    this(App.get().inbox(), App.get().http());
  }

  SearchFeedbacksHandler(Inbox inbox, Http http) {
    super(SearchBody::readPaged, Scopes.FEEDBACK_READ, http);
    this.inbox = inbox;
  }

  @Override
  protected Reply<PageView> handle(Call<SearchBody> call) {
    SearchBody body = call.body();
    int limit = body.limit() == null ? ListFeedbacksHandler.DEFAULT_LIMIT : body.limit();
    return Reply.ok(PageView.of(inbox.page(body.query(call.tenant()), limit, body.after(), body.before())));
  }
}
