package dev.csat.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.csat.interactions.IncrementInteractionHandler;
import dev.csat.local.gateway.LocalContext;
import java.util.Map;

/**
 * One cold invocation of the increment function, as a fresh Lambda execution environment does it:
 * construct the handler (building the App) and answer one request. Started by {@link ColdStart}
 * on the deployable jar's class path; prints its own phase times on one line.
 */
public final class InvokeOnce {
  public static void main(String[] args) {
    long start = System.nanoTime();
    var handler = new IncrementInteractionHandler();
    long constructed = System.nanoTime();
    var context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
    context.setRequestId("cold-start");
    context.setAuthorizer(Map.of("tenant", "default", "principal", "bench", "scopes", "interactions:write"));
    var event = new APIGatewayProxyRequestEvent()
        .withHttpMethod("POST")
        .withResource("/products/{product_key}/features/{feature_key}/increment")
        .withPath("/api/csat/v1/products/acme-app/features/dashboard/increment")
        .withPathParameters(Map.of("product_key", "acme-app", "feature_key", "dashboard"))
        .withHeaders(Map.of("Content-Type", "application/json"))
        .withRequestContext(context)
        .withBody("{\"user_email\":\"cold@example.com\"}");
    var response = handler.handleRequest(event, LocalContext.of("bench", "IncrementInteractionFunction", LocalContext.API_GATEWAY_TIMEOUT));
    long answered = System.nanoTime();
    System.out.printf("status=%d init_ms=%.1f first_request_ms=%.1f%n", response.getStatusCode(),
        (constructed - start) / 1e6, (answered - constructed) / 1e6);
  }
}
