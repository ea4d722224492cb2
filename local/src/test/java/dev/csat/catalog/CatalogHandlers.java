package dev.csat.catalog;

import dev.csat.App;

/** The catalogue's handlers wired to one test {@link App} (their test constructors are package-private). */
public record CatalogHandlers(
    ListProductsHandler listProducts,
    CreateProductHandler createProduct,
    ListFeaturesHandler listFeatures,
    CreateFeatureHandler createFeature,
    UpdateFeatureHandler updateFeature) {

  public static CatalogHandlers of(App app) {
    return new CatalogHandlers(
        new ListProductsHandler(app.catalog(), app.http()),
        new CreateProductHandler(app.catalog(), app.http()),
        new ListFeaturesHandler(app.catalog(), app.http()),
        new CreateFeatureHandler(app.catalog(), app.http()),
        new UpdateFeatureHandler(app.catalog(), app.http()));
  }
}
