package dev.csat.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: where products and features are kept. Every call is scoped to one tenant. */
public interface CatalogRepository {

  List<Product> listProducts(String tenant);

  /** Adds the product; false when the key is already taken. */
  boolean createProduct(String tenant, Product product, Instant now);

  /** Features of the given products, or of all products when the list is empty. */
  List<Feature> listFeatures(String tenant, List<String> productKeys);

  /** Adds the feature; the outcome tells whether the product was missing or the key taken. */
  FeatureCreation createFeature(String tenant, String productKey, NewFeature feature, Instant now);

  /** Applies the patch; empty when the feature does not exist. */
  Optional<Feature> updateFeature(
      String tenant, String productKey, String featureKey, FeaturePatch patch, Instant now);

  /** What {@link #createFeature} did. */
  sealed interface FeatureCreation {
    record Created(Feature feature) implements FeatureCreation {}

    record ProductMissing() implements FeatureCreation {}

    record AlreadyExists() implements FeatureCreation {}
  }
}
