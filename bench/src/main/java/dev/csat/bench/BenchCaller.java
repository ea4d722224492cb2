package dev.csat.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.csat.auth.Scopes;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The caller the benchmarks send requests as: tenant {@link FeedbackData#TENANT}, every scope. */
public final class BenchCaller {
  private BenchCaller() {}

  /** A request context as the authorizer leaves it, with a fresh request id. */
  public static APIGatewayProxyRequestEvent.ProxyRequestContext context() {
    var context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
    context.setRequestId(UUID.randomUUID().toString());
    Map<String, Object> authorizer = new HashMap<>();
    authorizer.put("principal", "bench");
    authorizer.put("tenant", FeedbackData.TENANT);
    authorizer.put("scopes", String.join(" ", Scopes.ALL));
    context.setAuthorizer(authorizer);
    return context;
  }
}
