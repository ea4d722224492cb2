package dev.csat.catalog;

import dev.csat.App;
import dev.csat.auth.Scopes;
import dev.csat.core.Limits;
import dev.csat.http.ApiHandler;
import dev.csat.http.BodyReader;
import dev.csat.http.Call;
import dev.csat.http.Http;
import dev.csat.http.Reply;
import java.util.Set;

/** createProduct: POST /products */
public final class CreateProductHandler extends ApiHandler<Product, Product> {
  static final BodyReader<Product> BODY = body -> {
    body.allowOnly(Set.of("key", "name"));
    return new Product(
        body.requiredKey("key"),
        body.checks().text("name", body.requiredText("name"), 1, Limits.MAX_NAME_LENGTH));
  };

  private final Catalog catalog;

  public CreateProductHandler() {
    this(App.get().catalog(), App.get().http());
  }

  CreateProductHandler(Catalog catalog, Http http) {
    super(BODY, Scopes.CATALOG_WRITE, http);
    this.catalog = catalog;
  }

  @Override
  protected Reply<Product> handle(Call<Product> call) {
    return Reply.created(catalog.createProduct(call.tenant(), call.body()));
  }
}
