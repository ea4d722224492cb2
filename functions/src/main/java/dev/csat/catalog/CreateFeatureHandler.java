package dev.csat.catalog;

import dev.csat.App;
import dev.csat.auth.Scopes;
import dev.csat.core.Limits;
import dev.csat.http.ApiHandler;
import dev.csat.http.BodyReader;
import dev.csat.http.Call;
import dev.csat.http.Http;
import dev.csat.http.Reply;
import java.util.Objects;
import java.util.Set;

/** createFeature: POST /products/{product_key}/features */
public final class CreateFeatureHandler extends ApiHandler<NewFeature, Feature> {
  static final BodyReader<NewFeature> BODY = body -> {
    body.allowOnly(Set.of("feature_key", "name", "description", "interaction_threshold",
        "rejection_threshold", "cooldown_days", "enabled"));
    var checks = body.checks();
    String key = body.requiredKey("feature_key");
    String name = checks.text("name", body.text("name"), 1, Limits.MAX_NAME_LENGTH);
    String description = checks.text("description", body.text("description"), 0, Limits.MAX_COMMENT_LENGTH);
    Integer interactions = body.requiredInteger("interaction_threshold", 1, NewFeature.MAX_THRESHOLD);
    Integer rejections = body.requiredInteger("rejection_threshold", 1, NewFeature.MAX_THRESHOLD);
    Integer cooldown = body.integer("cooldown_days", 0, NewFeature.MAX_COOLDOWN_DAYS);
    Boolean enabled = body.bool("enabled");
    checks.throwIfAny();
    return new NewFeature(
        key,
        name != null ? name : NewFeature.nameFromKey(key),
        description,
        interactions,
        rejections,
        Objects.requireNonNullElse(cooldown, NewFeature.DEFAULT_COOLDOWN_DAYS),
        Objects.requireNonNullElse(enabled, true));
  };

  private final Catalog catalog;

  public CreateFeatureHandler() {
    this(App.get().catalog(), App.get().http());
  }

  CreateFeatureHandler(Catalog catalog, Http http) {
    super(BODY, Scopes.CATALOG_WRITE, http);
    this.catalog = catalog;
  }

  @Override
  protected Reply<Feature> handle(Call<NewFeature> call) {
    return Reply.created(catalog.createFeature(call.tenant(), call.pathKey("product_key"), call.body()));
  }
}
