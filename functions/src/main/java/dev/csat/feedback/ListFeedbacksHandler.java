package dev.csat.feedback;

import dev.csat.App;
import dev.csat.auth.Scopes;
import dev.csat.http.ApiHandler;
import dev.csat.http.Call;
import dev.csat.http.Http;
import dev.csat.http.Reply;
import java.util.Set;

/**
 * listFeedbacks: GET /feedbacks. Keyset pages ({@code limit}, {@code after}/{@code before}) by
 * default; with {@code start} (and the admin table's {@code draw}) an offset page with totals.
 */
public final class ListFeedbacksHandler extends ApiHandler<Void, Object> {
  static final int DEFAULT_LIMIT = 10;
  static final int MAX_LIMIT = 100;
  // Deeper offsets read and discard every row before them; cursors or a narrower filter get there.
  static final int MAX_OFFSET = 100_000;

  private final Inbox inbox;

  public ListFeedbacksHandler() {
    this(App.get().inbox(), App.get().http());
  }

  ListFeedbacksHandler(Inbox inbox, Http http) {
    super(Scopes.FEEDBACK_READ, http);
    this.inbox = inbox;
  }

  @Override
  protected Reply<Object> handle(Call<Void> call) {
    var params = QueryString.read(call, Set.of("limit", "after", "before", "start", "draw"));
    Long limit = params.integer("limit", 1, MAX_LIMIT);
    Long start = params.integer("start", 0, MAX_OFFSET);
    Long draw = params.integer("draw", 0, Integer.MAX_VALUE);
    String after = params.single("after");
    String before = params.single("before");
    if (start != null && (after != null || before != null)) {
      params.checks().add("start", "cannot be combined with after or before");
    }
    FeedbackQuery query = params.toQuery();
    int size = limit == null ? DEFAULT_LIMIT : limit.intValue();
    if (start != null || draw != null) {
      var page = inbox.table(query, start == null ? 0 : start, size);
      return Reply.ok(TableView.of(page, draw == null ? null : draw.intValue()));
    }
    return Reply.ok(PageView.of(inbox.page(query, size, after, before)));
  }
}
