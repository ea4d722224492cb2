package dev.csat.engagement;

import dev.csat.App;
import dev.csat.auth.Scopes;
import dev.csat.core.ForbiddenException;
import dev.csat.http.ApiHandler;
import dev.csat.http.Call;
import dev.csat.http.Http;
import dev.csat.http.QueryParams;
import dev.csat.http.Reply;
import dev.csat.interactions.FeatureRef;
import java.util.Set;

/** listFeatureUsers: GET /analytics/products/{product_key}/features/{feature_key}/users */
public final class ListFeatureUsersHandler extends ApiHandler<Void, FeatureUserView.PageView> {
  private final Engagement engagement;

  public ListFeatureUsersHandler() {
    this(App.get().engagement(), App.get().http());
  }

  ListFeatureUsersHandler(Engagement engagement, Http http) {
    super(Scopes.ANALYTICS_READ, http);
    this.engagement = engagement;
  }

  @Override
  protected Reply<FeatureUserView.PageView> handle(Call<Void> call) {
    var feature = FeatureRef.of(call.tenant(), call.pathKey("product_key"), call.pathKey("feature_key"));
    var params = new QueryParams(call, Set.of("limit", "after", "due"));
    Long requested = params.integer("limit", 1, Engagement.MAX_LIMIT);
    int limit = requested == null ? Engagement.DEFAULT_LIMIT : requested.intValue();
    String after = params.single("after");
    Boolean due = params.bool("due");
    params.checks().throwIfAny();
    // An end-user token acts for its own email only; this list names other users.
    if (call.caller().isEndUser()) {
      throw new ForbiddenException("an end-user token may not list a feature's users");
    }
    return Reply.ok(FeatureUserView.PageView.of(engagement.featureUsers(feature, due, limit, after)));
  }
}
