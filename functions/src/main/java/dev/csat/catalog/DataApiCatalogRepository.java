package dev.csat.catalog;

import dev.csat.data.DataApi;
import dev.csat.data.Row;
import dev.csat.data.SqlParams;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link CatalogRepository} on Aurora through the Data API: one statement per call. */
public final class DataApiCatalogRepository implements CatalogRepository {
  private static final String FEATURE_COLUMNS = """
      product_key, feature_key, name, description, interaction_threshold, rejection_threshold,
      cooldown_days, enabled, created_at, updated_at""";

  private static final String LIST_PRODUCTS = """
      SELECT product_key, name FROM products
      WHERE tenant_id = :tenant
      ORDER BY product_key""";

  private static final String CREATE_PRODUCT = """
      INSERT INTO products (tenant_id, product_key, name, created_at, updated_at)
      VALUES (:tenant, :product_key, :name, :now, :now)
      ON CONFLICT (tenant_id, product_key) DO NOTHING
      RETURNING product_key""";

  // Keys cannot contain commas (their alphabet is [A-Za-z0-9._+-]), and the Data API takes no
  // array parameters, so several product keys travel as one comma-separated string.
  private static final String LIST_FEATURES = """
      SELECT %s FROM features
      WHERE tenant_id = :tenant
        AND (:product_keys::text IS NULL OR product_key = ANY (string_to_array(:product_keys, ',')))
      ORDER BY product_key, feature_key""".formatted(FEATURE_COLUMNS);

  // One statement tells all three outcomes: the LEFT JOIN keeps one row even when nothing was
  // inserted, and product_exists says why.
  private static final String CREATE_FEATURE = """
      WITH product AS (
        SELECT product_key FROM products WHERE tenant_id = :tenant AND product_key = :product_key
      ), inserted AS (
        INSERT INTO features (tenant_id, product_key, feature_key, name, description,
                              interaction_threshold, rejection_threshold, cooldown_days, enabled,
                              created_at, updated_at)
        SELECT :tenant, product_key, :feature_key, :name, :description,
               :interaction_threshold, :rejection_threshold, :cooldown_days, :enabled, :now, :now
        FROM product
        ON CONFLICT (tenant_id, product_key, feature_key) DO NOTHING
        RETURNING %s
      )
      SELECT EXISTS (SELECT 1 FROM product) AS product_exists, inserted.*
      FROM (SELECT 1) AS one LEFT JOIN inserted ON true""".formatted(FEATURE_COLUMNS);

  private static final String UPDATE_FEATURE = """
      UPDATE features SET
        name = COALESCE(:name, name),
        description = CASE WHEN :clear_description THEN NULL ELSE COALESCE(:description, description) END,
        interaction_threshold = COALESCE(:interaction_threshold, interaction_threshold),
        rejection_threshold = COALESCE(:rejection_threshold, rejection_threshold),
        cooldown_days = COALESCE(:cooldown_days, cooldown_days),
        enabled = COALESCE(:enabled, enabled),
        updated_at = :now
      WHERE tenant_id = :tenant AND product_key = :product_key AND feature_key = :feature_key
      RETURNING %s""".formatted(FEATURE_COLUMNS);

  private final DataApi db;

  public DataApiCatalogRepository(DataApi db) {
    this.db = db;
  }

  @Override
  public List<Product> listProducts(String tenant) {
    return db.query(LIST_PRODUCTS, SqlParams.of().text("tenant", tenant)).stream()
        .map(row -> new Product(row.text("product_key"), row.text("name")))
        .toList();
  }

  @Override
  public boolean createProduct(String tenant, Product product, Instant now) {
    var params = SqlParams.of()
        .text("tenant", tenant)
        .text("product_key", product.key())
        .text("name", product.name())
        .timestamp("now", now);
    return !db.query(CREATE_PRODUCT, params).isEmpty();
  }

  @Override
  public List<Feature> listFeatures(String tenant, List<String> productKeys) {
    var params = SqlParams.of()
        .text("tenant", tenant)
        .text("product_keys", productKeys.isEmpty() ? null : String.join(",", productKeys));
    return db.query(LIST_FEATURES, params).stream().map(DataApiCatalogRepository::feature).toList();
  }

  @Override
  public FeatureCreation createFeature(String tenant, String productKey, NewFeature feature, Instant now) {
    var params = SqlParams.of()
        .text("tenant", tenant)
        .text("product_key", productKey)
        .text("feature_key", feature.featureKey())
        .text("name", feature.name())
        .text("description", feature.description())
        .integer("interaction_threshold", feature.interactionThreshold())
        .integer("rejection_threshold", feature.rejectionThreshold())
        .integer("cooldown_days", feature.cooldownDays())
        .bool("enabled", feature.enabled())
        .timestamp("now", now);
    Row row = db.query(CREATE_FEATURE, params).getFirst();
    if (!row.bool("product_exists")) {
      return new FeatureCreation.ProductMissing();
    }
    return row.isNull("feature_key") ? new FeatureCreation.AlreadyExists() : new FeatureCreation.Created(feature(row));
  }

  @Override
  public Optional<Feature> updateFeature(
      String tenant, String productKey, String featureKey, FeaturePatch patch, Instant now) {
    var params = SqlParams.of()
        .text("tenant", tenant)
        .text("product_key", productKey)
        .text("feature_key", featureKey)
        .text("name", patch.name())
        .text("description", patch.description())
        .bool("clear_description", patch.clearDescription())
        .integer("interaction_threshold", patch.interactionThreshold())
        .integer("rejection_threshold", patch.rejectionThreshold())
        .integer("cooldown_days", patch.cooldownDays())
        .bool("enabled", patch.enabled())
        .timestamp("now", now);
    return db.query(UPDATE_FEATURE, params).stream().findFirst().map(DataApiCatalogRepository::feature);
  }

  private static Feature feature(Row row) {
    return new Feature(
        row.text("product_key"),
        row.text("feature_key"),
        row.text("name"),
        row.text("description"),
        row.integer("interaction_threshold"),
        row.integer("rejection_threshold"),
        row.integer("cooldown_days"),
        row.bool("enabled"),
        row.instant("created_at"),
        row.instant("updated_at"));
  }
}
