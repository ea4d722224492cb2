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

/** updateFeature: PATCH /products/{product_key}/features/{feature_key} */
public final class UpdateFeatureHandler extends ApiHandler<FeaturePatch, Feature> {
  private static final Set<String> FIELDS = Set.of("name", "description", "interaction_threshold",
      "rejection_threshold", "cooldown_days", "enabled");

  static final BodyReader<FeaturePatch> BODY = body -> {
    body.allowOnly(FIELDS);
    var checks = body.checks();
    if (FIELDS.stream().noneMatch(body::has)) {
      checks.add("body", "must change at least one of " + String.join(", ", FIELDS.stream().sorted().toList()));
    }
    for (String required : new String[] {"name", "interaction_threshold", "rejection_threshold",
        "cooldown_days", "enabled"}) {
      if (body.isNull(required)) {
        checks.add(required, "cannot be null");
      }
    }
    return new FeaturePatch(
        checks.text("name", body.text("name"), 1, Limits.MAX_NAME_LENGTH),
        checks.text("description", body.text("description"), 0, Limits.MAX_COMMENT_LENGTH),
        body.isNull("description"),
        body.integer("interaction_threshold", 1, NewFeature.MAX_THRESHOLD),
        body.integer("rejection_threshold", 1, NewFeature.MAX_THRESHOLD),
        body.integer("cooldown_days", 0, NewFeature.MAX_COOLDOWN_DAYS),
        body.bool("enabled"));
  };

  private final Catalog catalog;

  public UpdateFeatureHandler() {
    this(App.get().catalog(), App.get().http());
  }

  UpdateFeatureHandler(Catalog catalog, Http http) {
    super(BODY, Scopes.CATALOG_WRITE, http);
    this.catalog = catalog;
  }

  @Override
  protected Reply<Feature> handle(Call<FeaturePatch> call) {
    return Reply.ok(catalog.updateFeature(
        call.tenant(), call.pathKey("product_key"), call.pathKey("feature_key"), call.body()));
  }
}
