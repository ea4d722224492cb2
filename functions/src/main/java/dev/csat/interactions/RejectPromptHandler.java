package dev.csat.interactions;

import dev.csat.App;
import dev.csat.auth.Scopes;
import dev.csat.http.ApiHandler;
import dev.csat.http.Call;
import dev.csat.http.Http;
import dev.csat.http.Reply;

/** rejectPrompt: POST /products/{product_key}/features/{feature_key}/reject */
public final class RejectPromptHandler extends ApiHandler<UserRef, InteractionView> {
  private final Interactions interactions;

  public RejectPromptHandler() {
    this(App.get().interactions(), App.get().http());
  }

  RejectPromptHandler(Interactions interactions, Http http) {
    super(UserRef.BODY, Scopes.INTERACTIONS_WRITE, http);
    this.interactions = interactions;
  }

  @Override
  protected Reply<InteractionView> handle(Call<UserRef> call) {
    var feature = FeatureRef.of(call.tenant(), call.pathKey("product_key"), call.pathKey("feature_key"));
    call.requireActingFor(call.body().userEmail());
    return Reply.ok(InteractionView.of(interactions.reject(feature, call.body().userEmail())));
  }
}
