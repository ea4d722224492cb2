package dev.csat.analytics;

import dev.csat.App;
import dev.csat.auth.Scopes;
import dev.csat.feedback.WireNamed;
import dev.csat.http.ApiHandler;
import dev.csat.http.Call;
import dev.csat.http.Http;
import dev.csat.http.Reply;
import java.util.Set;

/** getAnalyticsBreakdown: GET /analytics/breakdown */
public final class GetAnalyticsBreakdownHandler extends ApiHandler<Void, BreakdownView> {
  static final int DEFAULT_LIMIT = 10;
  static final int MAX_LIMIT = 100;

  private final Analytics analytics;

  public GetAnalyticsBreakdownHandler() {
    this(App.get().analytics(), App.get().http());
  }

  GetAnalyticsBreakdownHandler(Analytics analytics, Http http) {
    super(Scopes.ANALYTICS_READ, http);
    this.analytics = analytics;
  }

  @Override
  protected Reply<BreakdownView> handle(Call<Void> call) {
    var params = AnalyticsParams.read(call, Set.of("by", "limit"));
    var checks = params.checks();
    String name = params.params().single("by");
    if (name == null && !checks.hasProblemWith("by")) {
      checks.add("by", "is required: one of " + WireNamed.list(BreakdownField.class));
    }
    BreakdownField by = WireNamed.read(BreakdownField.class, name, "by", checks);
    Long limit = params.params().integer("limit", 1, MAX_LIMIT);
    DateRange range = params.range(false);
    AnalyticsFilter filter = params.filter();
    if (by != null && filter != null && !groupable(by, filter)) {
      checks.add("by", "a breakdown by " + by.wireName() + " can be filtered by source, scale, score and its own "
          + "field (features also by product_key), not by another field");
    }
    checks.throwIfAny();
    int top = limit == null ? DEFAULT_LIMIT : limit.intValue();
    return Reply.ok(BreakdownView.of(by, range, analytics.breakdown(call.tenant(), range, filter, by, top)));
  }

  /** The rollups count each dimension with the source only, so a group can be split by source alone. */
  private static boolean groupable(BreakdownField by, AnalyticsFilter filter) {
    Dimension filtered = filter.dimension();
    Dimension grouped = by.dimension().orElse(null);
    return filtered == null || grouped == null || filtered == grouped
        || grouped == Dimension.FEATURE && filtered == Dimension.PRODUCT;
  }
}
