package dev.csat.catalog;

import dev.csat.App;
import dev.csat.testing.Events;
import dev.csat.testing.Responses;
import dev.csat.testing.TestContext;

/** The catalogue's handlers wired to one test {@link App} (their test constructors are package-private). */
public record CatalogHandlers(
    ListProductsHandler listProducts,
    CreateProductHandler createProduct,
    ListFeaturesHandler listFeatures,
    CreateFeatureHandler createFeature,
    UpdateFeatureHandler updateFeature) {

  /** Creates the story's product and feature (events/create-product.json, create-feature.json). */
  public CatalogHandlers withStoryFeature() {
    Responses.expect(201, createProduct.handleRequest(Events.api("create-product.json"), TestContext.of("setup")));
    Responses.expect(201, createFeature.handleRequest(Events.api("create-feature.json"), TestContext.of("setup")));
    return this;
  }

  public static CatalogHandlers of(App app) {
    return new CatalogHandlers(
        new ListProductsHandler(app.catalog(), app.http()),
        new CreateProductHandler(app.catalog(), app.http()),
        new ListFeaturesHandler(app.catalog(), app.http()),
        new CreateFeatureHandler(app.catalog(), app.http()),
        new UpdateFeatureHandler(app.catalog(), app.http()));
  }
}
