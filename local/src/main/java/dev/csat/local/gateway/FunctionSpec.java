package dev.csat.local.gateway;

import java.time.Duration;
import java.util.List;

/**
 * One {@code AWS::Serverless::Function} of the template, as far as running it locally needs:
 * its logical id, handler class, timeout and API events.
 */
public record FunctionSpec(String logicalId, String handlerClass, Duration timeout, List<ApiEvent> apiEvents) {

  public FunctionSpec {
    apiEvents = List.copyOf(apiEvents);
  }

  /** True when API Gateway invokes it (its event is then an {@code APIGatewayProxyRequestEvent}). */
  public boolean isApi() {
    return !apiEvents.isEmpty();
  }

  /** One {@code Type: Api} event: a method (upper case, or {@code ANY}) on a path template. */
  public record ApiEvent(String name, String method, String path) {}
}
