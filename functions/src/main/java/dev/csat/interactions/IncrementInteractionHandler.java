package dev.csat.interactions;

import dev.csat.App;
import dev.csat.auth.Scopes;
import dev.csat.http.ApiHandler;
import dev.csat.http.Call;
import dev.csat.http.Http;
import dev.csat.http.Reply;

/** incrementInteraction: POST /products/{product_key}/features/{feature_key}/increment */
public final class IncrementInteractionHandler extends ApiHandler<UserRef, InteractionView> {
  private final Interactions interactions;

  public IncrementInteractionHandler() {
    this(App.get().interactions(), App.get().http());
  }

  IncrementInteractionHandler(Interactions interactions, Http http) {
    super(UserRef.BODY, Scopes.INTERACTIONS_WRITE, http);
    this.interactions = interactions;
  }

  @Override
  protected Reply<InteractionView> handle(Call<UserRef> call) {
    var feature = FeatureRef.of(call.tenant(), call.pathKey("product_key"), call.pathKey("feature_key"));
    call.requireActingFor(call.body().userEmail());
    return Reply.ok(InteractionView.of(interactions.increment(feature, call.body().userEmail())));
  }
}
