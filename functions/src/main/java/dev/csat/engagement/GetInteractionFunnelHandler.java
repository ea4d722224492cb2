package dev.csat.engagement;

import dev.csat.App;
import dev.csat.auth.Scopes;
import dev.csat.http.ApiHandler;
import dev.csat.http.Call;
import dev.csat.http.Http;
import dev.csat.http.QueryParams;
import dev.csat.http.Reply;
import java.util.Set;

/** getInteractionFunnel: GET /analytics/products/{product_key}/funnel[?feature_key=] */
public final class GetInteractionFunnelHandler extends ApiHandler<Void, FunnelView> {
  private final Engagement engagement;

  public GetInteractionFunnelHandler() {
    this(App.get().engagement(), App.get().http());
  }

  GetInteractionFunnelHandler(Engagement engagement, Http http) {
    super(Scopes.ANALYTICS_READ, http);
    this.engagement = engagement;
  }

  @Override
  protected Reply<FunnelView> handle(Call<Void> call) {
    String productKey = call.pathKey("product_key");
    var params = new QueryParams(call, Set.of("feature_key"));
    String featureKey = params.checks().key("feature_key", params.single("feature_key"));
    params.checks().throwIfAny();
    return Reply.ok(FunnelView.of(engagement.funnel(call.tenant(), productKey, featureKey)));
  }
}
