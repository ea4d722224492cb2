package dev.csat.engagement;

import dev.csat.App;
import dev.csat.auth.Scopes;
import dev.csat.http.ApiHandler;
import dev.csat.http.Call;
import dev.csat.http.Http;
import dev.csat.http.QueryParams;
import dev.csat.http.Reply;
import java.util.Set;

/** getUserHistory: GET /analytics/users/{user_email} */
public final class GetUserHistoryHandler extends ApiHandler<Void, UserHistoryView> {
  private final Engagement engagement;

  public GetUserHistoryHandler() {
    this(App.get().engagement(), App.get().http());
  }

  GetUserHistoryHandler(Engagement engagement, Http http) {
    super(Scopes.ANALYTICS_READ, http);
    this.engagement = engagement;
  }

  @Override
  protected Reply<UserHistoryView> handle(Call<Void> call) {
    var params = new QueryParams(call, Set.of("limit", "after"));
    // Validated (and lower-cased) as the prompting endpoints validate user_email.
    String userEmail = params.checks().email("user_email", call.pathParameters().get("user_email"));
    if (userEmail == null && !params.checks().hasProblemWith("user_email")) {
      params.checks().add("user_email", "is required");
    }
    Long requested = params.integer("limit", 1, Engagement.MAX_LIMIT);
    int limit = requested == null ? Engagement.DEFAULT_LIMIT : requested.intValue();
    String after = params.single("after");
    params.checks().throwIfAny();
    call.requireActingFor(userEmail);
    return Reply.ok(UserHistoryView.of(engagement.history(call.tenant(), userEmail, limit, after)));
  }
}
