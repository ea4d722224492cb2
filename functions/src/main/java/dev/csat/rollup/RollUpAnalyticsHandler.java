package dev.csat.rollup;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.csat.App;
import dev.csat.analytics.Analytics;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * RollUpAnalyticsFunction, on an EventBridge schedule: moves the queued feedback changes into
 * the analytics rollups until the queue is empty, stopping early while a minute of the
 * function's time is left (the next run goes on). Analytics are exact whether or not it has run;
 * it keeps them fast, since a request reads every change still queued.
 */
public final class RollUpAnalyticsHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {
  private static final Logger LOG = LoggerFactory.getLogger(RollUpAnalyticsHandler.class);
  /** Time kept back for the last statement to finish within the function's timeout. */
  static final long RESERVE_MILLIS = 60_000;

  private final Analytics analytics;

  public RollUpAnalyticsHandler() {
    this(App.get().analytics());
  }

  private RollUpAnalyticsHandler(Analytics analytics) {
    this.analytics = analytics;
  }

  /** The function over another {@link Analytics} (tests, local tools). */
  public static RollUpAnalyticsHandler over(Analytics analytics) {
    return new RollUpAnalyticsHandler(analytics);
  }

  @Override
  public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
    return PowertoolsLogging.withLogging(context, () -> {
      long started = System.nanoTime();
      Analytics.RollupRun run = analytics.rollUp(() -> context.getRemainingTimeInMillis() < RESERVE_MILLIS);
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("changes", run.changes());
      result.put("statements", run.statements());
      result.put("drained", run.drained());
      result.put("millis", (System.nanoTime() - started) / 1_000_000);
      LOG.info("rolled up {} changes in {} statements, queue {}", run.changes(), run.statements(),
          run.drained() ? "empty" : "not yet empty");
      return result;
    });
  }
}
