package dev.csat.flows;

import com.amazonaws.services.lambda.runtime.Context;
import static dev.csat.testing.Events.api;
import static dev.csat.testing.Responses.expect;
import static dev.csat.testing.Responses.expectProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.csat.App;
import dev.csat.catalog.CatalogHandlers;
import dev.csat.testing.LocalStack;
import dev.csat.testing.MutableClock;
import dev.csat.testing.TestContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Products and features through the real path. */
class CatalogFlowTest {
  private static CatalogHandlers catalog;

  @BeforeAll
  static void products() {
    App app = LocalStack.freshApp(new MutableClock(Instant.parse("2026-03-05T14:32:00.000Z")));
    catalog = CatalogHandlers.of(app);
    for (String key : List.of("web", "mobile", "api")) {
      expect(201, catalog.createProduct().handleRequest(
          api("create-product.json").withBody("{\"key\":\"" + key + "\",\"name\":\"Product " + key + "\"}"), context()));
    }
    createFeature("web", "{\"feature_key\":\"export-csv\",\"interaction_threshold\":5,\"rejection_threshold\":3}");
    createFeature("web", "{\"feature_key\":\"dashboard\",\"name\":\"Dashboard\",\"description\":\"Home\","
        + "\"interaction_threshold\":2,\"rejection_threshold\":1,\"cooldown_days\":30,\"enabled\":false}");
    createFeature("mobile", "{\"feature_key\":\"camera\",\"interaction_threshold\":1,\"rejection_threshold\":1}");
  }

  @Test
  void listsProductsInKeyOrder() {
    JsonNode products = expect(200, catalog.listProducts().handleRequest(api("list-products.json"), context()));
    assertEquals(List.of("api", "mobile", "web"), products.path("data").findValuesAsText("key"));
    assertEquals("Product api", products.path("data").get(0).path("name").asText());
  }

  @Test
  void derivesANameAndAppliesDefaults() {
    JsonNode export = feature("web", "export-csv");
    assertEquals("Export csv", export.path("name").asText());
    assertTrue(export.path("description").isNull());
    assertEquals(180, export.path("cooldown_days").asInt());
    assertTrue(export.path("enabled").asBoolean());
  }

  @Test
  void filtersFeaturesByOneOrSeveralProducts() {
    assertEquals(List.of("dashboard", "export-csv"), featureKeys(Map.of("product_key", List.of("web"))));
    assertEquals(List.of("camera", "dashboard", "export-csv"), featureKeys(Map.of("product_key", List.of("web", "mobile"))));
    assertEquals(List.of("camera", "dashboard", "export-csv"), featureKeys(Map.of("product_key", List.of("web,mobile"))));
    assertEquals(List.of("camera", "dashboard", "export-csv"), featureKeys(Map.of()));
    assertEquals(List.of(), featureKeys(Map.of("product_key", List.of("unknown"))));
  }

  @Test
  void patchesOnlyWhatItNames() {
    var patch = api("update-feature.json");
    patch.setPathParameters(Map.of("product_key", "mobile", "feature_key", "camera"));
    patch.setBody("{\"description\":\"Photos\",\"cooldown_days\":0}");
    JsonNode changed = expect(200, catalog.updateFeature().handleRequest(patch, context()));
    assertEquals("Photos", changed.path("description").asText());
    assertEquals(0, changed.path("cooldown_days").asInt());
    assertEquals(1, changed.path("interaction_threshold").asInt());
    assertEquals("Camera", changed.path("name").asText());

    patch.setBody("{\"description\":null,\"enabled\":false}");
    JsonNode cleared = expect(200, catalog.updateFeature().handleRequest(patch, context()));
    assertTrue(cleared.path("description").isNull());
    assertEquals(false, cleared.path("enabled").asBoolean());
  }

  @Test
  void featuresNeedAnExistingProductAndAFreeKey() {
    var unknown = api("create-feature.json");
    unknown.setPathParameters(Map.of("product_key", "nope"));
    expectProblem(404, "not_found", catalog.createFeature().handleRequest(unknown, context()));
    var duplicate = api("create-feature.json");
    duplicate.setPathParameters(Map.of("product_key", "web"));
    duplicate.setBody("{\"feature_key\":\"dashboard\",\"interaction_threshold\":9,\"rejection_threshold\":9}");
    expectProblem(409, "conflict", catalog.createFeature().handleRequest(duplicate, context()));
    assertEquals(2, feature("web", "dashboard").path("interaction_threshold").asInt());
  }

  private static void createFeature(String product, String body) {
    var event = api("create-feature.json");
    event.setPathParameters(Map.of("product_key", product));
    expect(201, catalog.createFeature().handleRequest(event.withBody(body), context()));
  }

  private static JsonNode feature(String product, String featureKey) {
    var event = api("list-features.json");
    event.setQueryStringParameters(Map.of("product_key", product));
    event.setMultiValueQueryStringParameters(Map.of("product_key", List.of(product)));
    for (JsonNode feature : expect(200, catalog.listFeatures().handleRequest(event, context())).path("data")) {
      if (feature.path("feature_key").asText().equals(featureKey)) {
        return feature;
      }
    }
    throw new AssertionError("no feature " + product + "/" + featureKey);
  }

  private static List<String> featureKeys(Map<String, List<String>> query) {
    var event = api("list-features.json");
    event.setQueryStringParameters(null);
    event.setMultiValueQueryStringParameters(query.isEmpty() ? null : query);
    return expect(200, catalog.listFeatures().handleRequest(event, context())).path("data").findValuesAsText("feature_key");
  }

  private static Context context() {
    return TestContext.of("CatalogFlowTest");
  }
}
