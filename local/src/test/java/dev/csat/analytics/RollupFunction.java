package dev.csat.analytics;

import dev.csat.App;
import dev.csat.local.gateway.LocalContext;
import dev.csat.rollup.RollUpAnalyticsHandler;
import java.time.Duration;
import java.util.Map;

/** The scheduled rollup function over a test {@link App}, invoked as EventBridge would. */
public final class RollupFunction {
  private RollupFunction() {}

  public static Map<String, Object> invoke(App app, Duration timeout) {
    return RollUpAnalyticsHandler.over(app.analytics())
        .handleRequest(new com.amazonaws.services.lambda.runtime.events.ScheduledEvent(),
            LocalContext.of("rollup", "RollUpAnalyticsFunction", timeout));
  }
}
