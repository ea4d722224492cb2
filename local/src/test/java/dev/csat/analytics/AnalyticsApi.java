package dev.csat.analytics;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.csat.App;
import dev.csat.auth.Scopes;
import dev.csat.http.ApiHandler;
import dev.csat.testing.Events;
import dev.csat.testing.TestContext;
import java.util.Map;

/**
 * The analytics handlers wired to one test {@link App}, called with API Gateway events built
 * here, as a caller of {@code tenant} holding every scope; and the rollup function.
 */
public final class AnalyticsApi {
  private final App app;
  private final String tenant;

  private AnalyticsApi(App app, String tenant) {
    this.app = app;
    this.tenant = tenant;
  }

  public static AnalyticsApi of(App app, String tenant) {
    return new AnalyticsApi(app, tenant);
  }

  public AnalyticsApi as(String otherTenant) {
    return new AnalyticsApi(app, otherTenant);
  }

  /** GET /analytics/summary with the query parameters given as name, value, name, value... */
  public APIGatewayProxyResponseEvent summary(String... query) {
    return call(new GetAnalyticsSummaryHandler(app.analytics(), app.http()), get("/api/csat/v1/analytics/summary", query));
  }

  public APIGatewayProxyResponseEvent series(String... query) {
    return call(new GetAnalyticsTimeSeriesHandler(app.analytics(), app.http()),
        get("/api/csat/v1/analytics/timeseries", query));
  }

  public APIGatewayProxyResponseEvent breakdown(String... query) {
    return call(new GetAnalyticsBreakdownHandler(app.analytics(), app.http()),
        get("/api/csat/v1/analytics/breakdown", query));
  }

  /** Rolls up every queued change, as the scheduled function does, in batches of {@code batch}. */
  public long rollUp(int batch) {
    long moved = 0;
    var repository = new DataApiAnalyticsRepository(app.dataApi());
    for (int step = repository.rollUp(batch); step > 0; step = repository.rollUp(batch)) {
      moved += step;
    }
    return moved;
  }

  private APIGatewayProxyRequestEvent get(String path, String... query) {
    return Events.request("GET", path, Map.of(), Events.query(query), null,
        Events.caller("analyst", tenant, String.join(" ", Scopes.ALL)));
  }

  private static APIGatewayProxyResponseEvent call(ApiHandler<?, ?> handler, APIGatewayProxyRequestEvent event) {
    return handler.handleRequest(event, TestContext.of(handler.getClass().getSimpleName()));
  }
}
