package dev.csat.catalog;

import dev.csat.App;
import dev.csat.auth.Scopes;
import dev.csat.http.ApiHandler;
import dev.csat.http.Call;
import dev.csat.http.DataList;
import dev.csat.http.Http;
import dev.csat.http.Reply;

/** listProducts: GET /products */
public final class ListProductsHandler extends ApiHandler<Void, DataList<Product>> {
  private final Catalog catalog;

  public ListProductsHandler() {
    this(App.get().catalog(), App.get().http());
  }

  ListProductsHandler(Catalog catalog, Http http) {
    super(Scopes.CONFIG_READ, http);
    this.catalog = catalog;
  }

  @Override
  protected Reply<DataList<Product>> handle(Call<Void> call) {
    return Reply.ok(DataList.of(catalog.products(call.tenant())));
  }
}
