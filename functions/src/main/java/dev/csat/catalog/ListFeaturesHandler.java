package dev.csat.catalog;

import dev.csat.App;
import dev.csat.auth.Scopes;
import dev.csat.core.Checks;
import dev.csat.http.ApiHandler;
import dev.csat.http.Call;
import dev.csat.http.DataList;
import dev.csat.http.Http;
import dev.csat.http.Reply;
import java.util.ArrayList;
import java.util.List;

/** listFeatures: GET /features?product_key=a&product_key=b (or product_key=a,b) */
public final class ListFeaturesHandler extends ApiHandler<Void, DataList<Feature>> {
  private static final int MAX_PRODUCT_KEYS = 100;

  private final Catalog catalog;

  public ListFeaturesHandler() {
    this(App.get().catalog(), App.get().http());
  }

  ListFeaturesHandler(Catalog catalog, Http http) {
    super(Scopes.CONFIG_READ, http);
    this.catalog = catalog;
  }

  @Override
  protected Reply<DataList<Feature>> handle(Call<Void> call) {
    return Reply.ok(DataList.of(catalog.features(call.tenant(), productKeys(call))));
  }

  private static List<String> productKeys(Call<Void> call) {
    Checks checks = new Checks();
    List<String> keys = new ArrayList<>();
    for (String value : call.query("product_key")) {
      for (String key : value.split(",", -1)) {
        keys.add(checks.key("product_key", key));
      }
    }
    if (keys.size() > MAX_PRODUCT_KEYS) {
      checks.add("product_key", "at most " + MAX_PRODUCT_KEYS + " product keys");
    }
    checks.throwIfAny();
    return keys.stream().distinct().toList();
  }
}
