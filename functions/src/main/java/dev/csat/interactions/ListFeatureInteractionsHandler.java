package dev.csat.interactions;

import dev.csat.App;
import dev.csat.auth.Scopes;
import dev.csat.core.Checks;
import dev.csat.http.ApiHandler;
import dev.csat.http.Call;
import dev.csat.http.DataList;
import dev.csat.http.Http;
import dev.csat.http.Reply;
import java.util.List;

/** listFeatureInteractions: GET /products/{product_key}/feature-interactions?user_email= */
public final class ListFeatureInteractionsHandler extends ApiHandler<Void, DataList<FeatureInteractionView>> {
  private final Interactions interactions;

  public ListFeatureInteractionsHandler() {
    this(App.get().interactions(), App.get().http());
  }

  ListFeatureInteractionsHandler(Interactions interactions, Http http) {
    super(Scopes.INTERACTIONS_WRITE, http);
    this.interactions = interactions;
  }

  @Override
  protected Reply<DataList<FeatureInteractionView>> handle(Call<Void> call) {
    String productKey = call.pathKey("product_key");
    String userEmail = userEmail(call);
    call.requireActingFor(userEmail);
    List<InteractionState> states = interactions.forUser(call.tenant(), productKey, userEmail);
    return Reply.ok(DataList.of(states.stream().map(FeatureInteractionView::of).toList()));
  }

  private static String userEmail(Call<Void> call) {
    List<String> values = call.query("user_email");
    Checks checks = new Checks();
    if (values.size() != 1) {
      checks.add("user_email", values.isEmpty() ? "is required" : "must be given once");
    }
    String email = values.size() == 1 ? checks.email("user_email", values.getFirst()) : null;
    checks.throwIfAny();
    return email;
  }
}
