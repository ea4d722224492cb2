package dev.csat.migrations;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import dev.csat.App;
import dev.csat.core.UnavailableException;
import dev.csat.http.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * MigrateDatabaseFunction: the CloudFormation custom resource that applies the schema
 * migrations through the Data API on every deploy. It always answers CloudFormation (SUCCESS or
 * FAILED), so a failed migration fails the deploy instead of hanging it for an hour.
 */
public final class MigrationHandler implements RequestHandler<CloudFormationCustomResourceEvent, Void> {
  private static final Logger LOG = LoggerFactory.getLogger(MigrationHandler.class);
  private static final String PHYSICAL_ID = "csat-database-migrations";

  @Override
  public Void handleRequest(CloudFormationCustomResourceEvent event, Context context) {
    return PowertoolsLogging.withLogging(context, () -> {
      Map<String, Object> data = new LinkedHashMap<>();
      String status = "SUCCESS";
      String reason = "migrations applied";
      try {
        if (!"Delete".equals(event.getRequestType())) {
          // Deleting the stack must not drop data: a Delete only acknowledges.
          List<String> applied = applyWhenAwake(context);
          data.put("Applied", String.join(",", applied));
        }
      } catch (RuntimeException e) {
        LOG.error("migration failed", e);
        status = "FAILED";
        reason = "migration failed: " + e.getMessage() + " (see log stream " + context.getLogStreamName() + ")";
      }
      answer(event, status, reason, data);
      return null;
    });
  }

  /**
   * A cluster that scaled to zero answers "resuming" for a few seconds: wait and try again while
   * the function has time left, keeping a minute to answer CloudFormation.
   */
  private static List<String> applyWhenAwake(Context context) {
    var migrations = Migrations.fromClasspath();
    var db = App.dataApiFromConfig();
    while (true) {
      try {
        return migrations.apply(db);
      } catch (UnavailableException e) {
        long waitMillis = e.retryAfter().toMillis();
        if (context.getRemainingTimeInMillis() < waitMillis + 60_000) {
          throw e;
        }
        LOG.warn("database not ready, retrying in {} ms", waitMillis);
        try {
          Thread.sleep(waitMillis);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private static void answer(CloudFormationCustomResourceEvent event, String status, String reason,
      Map<String, Object> data) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("Status", status);
    body.put("Reason", reason.length() > 3000 ? reason.substring(0, 3000) : reason);
    body.put("PhysicalResourceId", PHYSICAL_ID);
    body.put("StackId", event.getStackId());
    body.put("RequestId", event.getRequestId());
    body.put("LogicalResourceId", event.getLogicalResourceId());
    body.put("Data", data);
    byte[] bytes = new Json().write(body).getBytes(StandardCharsets.UTF_8);
    try {
      HttpURLConnection connection = (HttpURLConnection) URI.create(event.getResponseUrl()).toURL().openConnection();
      connection.setRequestMethod("PUT");
      connection.setDoOutput(true);
      // The pre-signed S3 URL was signed without a content type: send none.
      connection.setRequestProperty("Content-Type", "");
      connection.setFixedLengthStreamingMode(bytes.length);
      connection.setConnectTimeout(5_000);
      connection.setReadTimeout(10_000);
      try (OutputStream out = connection.getOutputStream()) {
        out.write(bytes);
      }
      LOG.info("answered CloudFormation: {} ({})", status, connection.getResponseCode());
    } catch (IOException | IllegalArgumentException e) {
      // Locally the events/ file points nowhere; in AWS this leaves the stack to time out, so log loudly.
      LOG.error("could not answer CloudFormation at the response URL", e);
    }
  }
}
