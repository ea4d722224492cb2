package dev.csat.engagement;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.csat.App;
import dev.csat.auth.Scopes;
import dev.csat.http.ApiHandler;
import dev.csat.testing.Events;
import dev.csat.testing.TestContext;
import java.util.Map;

/**
 * The engagement handlers (getUserHistory, listFeatureUsers, getInteractionFunnel) wired to one
 * test {@link App}, called with API Gateway events built here: as a service caller of
 * {@code tenant} holding {@code analytics:read}, or as an end user's token when asked.
 * Query parameters are given as name, value, name, value...
 */
public final class EngagementApi {
  private final App app;
  private final String tenant;
  private final String endUserEmail;

  private EngagementApi(App app, String tenant, String endUserEmail) {
    this.app = app;
    this.tenant = tenant;
    this.endUserEmail = endUserEmail;
  }

  public static EngagementApi of(App app, String tenant) {
    return new EngagementApi(app, tenant, null);
  }

  public EngagementApi as(String otherTenant) {
    return new EngagementApi(app, otherTenant, endUserEmail);
  }

  /** The same calls with an end-user token for {@code email}. */
  public EngagementApi asEndUser(String email) {
    return new EngagementApi(app, tenant, email);
  }

  public APIGatewayProxyResponseEvent history(String userEmail, String... query) {
    return call(new GetUserHistoryHandler(app.engagement(), app.http()),
        event("/api/csat/v1/analytics/users/{user_email}", Map.of("user_email", userEmail), query));
  }

  public APIGatewayProxyResponseEvent featureUsers(String productKey, String featureKey, String... query) {
    return call(new ListFeatureUsersHandler(app.engagement(), app.http()),
        event("/api/csat/v1/analytics/products/{product_key}/features/{feature_key}/users",
            Map.of("product_key", productKey, "feature_key", featureKey), query));
  }

  public APIGatewayProxyResponseEvent funnel(String productKey, String... query) {
    return call(new GetInteractionFunnelHandler(app.engagement(), app.http()),
        event("/api/csat/v1/analytics/products/{product_key}/funnel", Map.of("product_key", productKey), query));
  }

  private APIGatewayProxyRequestEvent event(String resource, Map<String, String> pathParameters, String... query) {
    Map<String, Object> caller = Events.caller("analyst", tenant, Scopes.ANALYTICS_READ);
    if (endUserEmail != null) {
      caller.put("email", endUserEmail);
    }
    return Events.request("GET", resource, pathParameters, Events.query(query), null, caller);
  }

  private static APIGatewayProxyResponseEvent call(ApiHandler<?, ?> handler, APIGatewayProxyRequestEvent event) {
    return handler.handleRequest(event, TestContext.of(handler.getClass().getSimpleName()));
  }
}
