package dev.csat.analytics;

import dev.csat.App;
import dev.csat.auth.Scopes;
import dev.csat.feedback.WireNamed;
import dev.csat.http.ApiHandler;
import dev.csat.http.Call;
import dev.csat.http.Http;
import dev.csat.http.Reply;
import java.util.Set;

/** getAnalyticsTimeSeries: GET /analytics/timeseries */
public final class GetAnalyticsTimeSeriesHandler extends ApiHandler<Void, SeriesView> {
  private final Analytics analytics;

  public GetAnalyticsTimeSeriesHandler() {
    this(App.get().analytics(), App.get().http());
  }

  GetAnalyticsTimeSeriesHandler(Analytics analytics, Http http) {
    super(Scopes.ANALYTICS_READ, http);
    this.analytics = analytics;
  }

  @Override
  protected Reply<SeriesView> handle(Call<Void> call) {
    var params = AnalyticsParams.read(call, Set.of("interval"));
    String name = params.params().single("interval");
    Interval interval = name == null ? Interval.DAY : WireNamed.read(Interval.class, name, "interval", params.checks());
    DateRange range = params.range(true);
    AnalyticsFilter filter = params.filter();
    params.checks().throwIfAny();
    long periods = range.periods(interval);
    if (periods > Analytics.MAX_PERIODS) {
      params.checks().add("end_date", "the range spans " + periods + " periods of a " + interval.wireName()
          + "; at most " + Analytics.MAX_PERIODS + " are returned at once");
      params.checks().throwIfAny();
    }
    DateRange widened = range.widenedTo(interval);
    return Reply.ok(SeriesView.of(interval, widened, analytics.series(call.tenant(), widened, interval, filter)));
  }
}
