package dev.csat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.csat.auth.Scopes;
import dev.csat.interactions.SubmitFeedbackHandler;
import java.util.Map;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming: before the snapshot, run a request through the JSON parsing, validation and
 * problem rendering paths (an invalid body, so the database is never touched), so the restored
 * environment starts with those classes loaded and initialised.
 */
final class Priming implements Resource {
  // CRaC holds resources weakly: keep ours reachable until the checkpoint.
  private static final Priming INSTANCE = new Priming();

  static void register() {
    Core.getGlobalContext().register(INSTANCE);
  }

  @Override
  public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
    var event = new APIGatewayProxyRequestEvent()
        .withHttpMethod("POST")
        .withPath("/api/csat/v1/products/priming/features/priming/feedbacks")
        .withPathParameters(Map.of("product_key", "priming", "feature_key", "priming"))
        .withHeaders(Map.of("Content-Type", "application/json"))
        .withRequestContext(primingContext())
        .withBody("{\"user_email\":\"priming@example.com\",\"rating\":11,\"source\":\"prompted\"}");
    new SubmitFeedbackHandler().respond(event);
  }

  /** A caller as the authorizer would pass it, so priming goes past the credential check. */
  private static APIGatewayProxyRequestEvent.ProxyRequestContext primingContext() {
    var context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
    context.setRequestId("priming");
    context.setAuthorizer(Map.of("tenant", "priming", "principal", "priming", "scopes", Scopes.FEEDBACK_WRITE));
    return context;
  }

  @Override
  public void afterRestore(org.crac.Context<? extends Resource> context) {
    // Nothing to refresh: the Data API client holds no connections and reads credentials per call.
  }
}
