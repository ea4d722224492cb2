package dev.csat.catalog;

import dev.csat.core.ConflictException;
import dev.csat.core.NotFoundException;
import java.time.Clock;
import java.util.List;

/** Use case: the tenant's catalogue of products and features. */
public final class Catalog {
  private final CatalogRepository repository;
  private final Clock clock;

  public Catalog(CatalogRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  public List<Product> products(String tenant) {
    return repository.listProducts(tenant);
  }

  public Product createProduct(String tenant, Product product) {
    if (!repository.createProduct(tenant, product, clock.instant())) {
      throw new ConflictException("product '" + product.key() + "' already exists");
    }
    return product;
  }

  public List<Feature> features(String tenant, List<String> productKeys) {
    return repository.listFeatures(tenant, productKeys);
  }

  public Feature createFeature(String tenant, String productKey, NewFeature feature) {
    return switch (repository.createFeature(tenant, productKey, feature, clock.instant())) {
      case CatalogRepository.FeatureCreation.Created created -> created.feature();
      case CatalogRepository.FeatureCreation.ProductMissing missing ->
          throw new NotFoundException("product '" + productKey + "' not found");
      case CatalogRepository.FeatureCreation.AlreadyExists exists ->
          throw new ConflictException(
              "feature '" + feature.featureKey() + "' already exists in product '" + productKey + "'");
    };
  }

  public Feature updateFeature(String tenant, String productKey, String featureKey, FeaturePatch patch) {
    return repository
        .updateFeature(tenant, productKey, featureKey, patch, clock.instant())
        .orElseThrow(() -> new NotFoundException(
            "feature '" + featureKey + "' of product '" + productKey + "' not found"));
  }
}
