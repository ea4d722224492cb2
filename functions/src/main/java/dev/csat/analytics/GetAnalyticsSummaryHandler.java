package dev.csat.analytics;

import dev.csat.App;
import dev.csat.auth.Scopes;
import dev.csat.http.ApiHandler;
import dev.csat.http.Call;
import dev.csat.http.Http;
import dev.csat.http.Reply;
import java.util.Set;

/** getAnalyticsSummary: GET /analytics/summary */
public final class GetAnalyticsSummaryHandler extends ApiHandler<Void, SummaryView> {
  private final Analytics analytics;

  public GetAnalyticsSummaryHandler() {
    this(App.get().analytics(), App.get().http());
  }

  GetAnalyticsSummaryHandler(Analytics analytics, Http http) {
    super(Scopes.ANALYTICS_READ, http);
    this.analytics = analytics;
  }

  @Override
  protected Reply<SummaryView> handle(Call<Void> call) {
    var params = AnalyticsParams.read(call, Set.of());
    DateRange range = params.range(false);
    AnalyticsFilter filter = params.filter();
    params.checks().throwIfAny();
    return Reply.ok(SummaryView.of(range, analytics.summary(call.tenant(), range, filter)));
  }
}
