package dev.csat.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where {@code requestContext.authorizer} comes from: the seam at which API Gateway runs its
 * authorizer before the function. It sees the fully built event (headers, path, method, route),
 * as a Lambda REQUEST authorizer would. Today's only implementation trusts every caller as the
 * default tenant; a real Lambda authorizer plugs in here without touching the gateway.
 */
@FunctionalInterface
public interface AuthorizerContext {

  /** The context the function receives for this request (API Gateway passes it as a map). */
  Map<String, Object> contextFor(APIGatewayProxyRequestEvent event, Route route);

  /** Every caller acts for {@code tenant}, with no credential checked. */
  static AuthorizerContext defaultTenant(String tenant) {
    return (event, route) -> {
      Map<String, Object> context = new LinkedHashMap<>();
      context.put("tenant", tenant);
      return context;
    };
  }
}
