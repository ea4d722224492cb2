package dev.csat.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.csat.App;
import dev.csat.catalog.CreateFeatureHandler;
import dev.csat.catalog.CreateProductHandler;
import dev.csat.catalog.ListFeaturesHandler;
import dev.csat.catalog.ListProductsHandler;
import dev.csat.catalog.UpdateFeatureHandler;
import dev.csat.feedback.CountFeedbacksHandler;
import dev.csat.feedback.CreateFeedbackHandler;
import dev.csat.feedback.GetTicketFeedbackHandler;
import dev.csat.feedback.ListAgentsHandler;
import dev.csat.feedback.ListFeedbacksHandler;
import dev.csat.feedback.SearchFeedbacksHandler;
import dev.csat.interactions.IncrementInteractionHandler;
import dev.csat.interactions.ListFeatureInteractionsHandler;
import dev.csat.interactions.RejectPromptHandler;
import dev.csat.interactions.SubmitFeedbackHandler;
import dev.csat.local.dataapi.LocalDataApi;
import dev.csat.local.gateway.LocalContext;
import dev.csat.local.db.EmbeddedDatabase;
import dev.csat.migrations.Migrations;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Data API calls per operation, counted at the local endpoint, and the latency of each operation
 * through the whole local stack (handler, RdsDataClient over HTTP, local Data API, PostgreSQL).
 * Run with bench/run.sh round-trips.
 */
public final class RoundTrips {
  private static final int SAMPLES = 500;

  public static void main(String[] args) throws IOException {
    Path events = Path.of(args.length > 0 ? args[0] : "events");
    try (EmbeddedDatabase database = EmbeddedDatabase.startTemporary();
        LocalDataApi dataApi = LocalDataApi.start(database, "127.0.0.1", 0)) {
      database.createDatabase("csat");
      System.setProperty("CSAT_DATA_API_ENDPOINT", dataApi.endpoint().toString());
      System.setProperty("CSAT_DB_CLUSTER_ARN", "arn:aws:rds:us-east-1:000000000000:cluster:bench");
      System.setProperty("CSAT_DB_SECRET_ARN", "arn:aws:secretsmanager:us-east-1:000000000000:secret:bench");
      System.setProperty("CSAT_DB_NAME", "csat");
      Migrations.fromClasspath().apply(App.dataApiFromConfig());

      var run = new Run(dataApi, events);
      run.once("createProduct", new CreateProductHandler(), "create-product.json");
      run.once("createFeature", new CreateFeatureHandler(), "create-feature.json");
      System.out.printf("%-30s %10s %10s %10s %10s%n", "operation", "calls/req", "p50 ms", "p90 ms", "p99 ms");
      run.measure("listProducts", new ListProductsHandler(), "list-products.json");
      run.measure("listFeatures", new ListFeaturesHandler(), "list-features.json");
      run.measure("updateFeature", new UpdateFeatureHandler(), "update-feature.json");
      run.measure("incrementInteraction", new IncrementInteractionHandler(), "increment-interaction.json");
      run.measure("rejectPrompt", new RejectPromptHandler(), "reject-prompt.json");
      run.measure("listFeatureInteractions", new ListFeatureInteractionsHandler(), "list-feature-interactions.json");
      run.measureNew("submitFeedback", new SubmitFeedbackHandler(), "submit-feedback.json");
      run.measure("submitFeedback (retry)", new SubmitFeedbackHandler(), "submit-feedback.json");
      run.measure("submitFeedback (invalid)", new SubmitFeedbackHandler(), "submit-feedback.rating-out-of-range.json");
      run.measureNew("createFeedback", new CreateFeedbackHandler(), "create-feedback.json");
      run.measure("createFeedback (retry)", new CreateFeedbackHandler(), "create-feedback.json");
      run.measure("listFeedbacks", new ListFeedbacksHandler(), "list-feedbacks.json");
      run.measure("listFeedbacks (offset page)", new ListFeedbacksHandler(), "list-feedbacks.offset-page.json");
      run.measure("searchFeedbacks", new SearchFeedbacksHandler(), "search-feedbacks.json");
      run.measure("countFeedbacks", new CountFeedbacksHandler(), "count-feedbacks.json");
      run.measure("getTicketFeedback", new GetTicketFeedbackHandler(), "get-ticket-feedback.json");
      run.measure("listAgents", new ListAgentsHandler(), "list-agents.json");
    }
  }

  private record Run(LocalDataApi dataApi, Path events) {
    void once(String name, RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler,
        String file) throws IOException {
      int status = handler.handleRequest(event(file), LocalContext.of("bench", name, LocalContext.API_GATEWAY_TIMEOUT)).getStatusCode();
      if (status >= 300) {
        throw new IllegalStateException(name + " answered " + status);
      }
    }

    /** Each request a new one: the event without its Idempotency-Key, so every call stores a row. */
    void measureNew(String name, RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler,
        String file) throws IOException {
      measure(name, handler, file, true);
    }

    /** The event as it is: with an Idempotency-Key, every call after the first is a retry. */
    void measure(String name, RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler,
        String file) throws IOException {
      measure(name, handler, file, false);
    }

    private void measure(String name, RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler,
        String file, boolean withoutKey) throws IOException {
      var context = LocalContext.of("bench", name, LocalContext.API_GATEWAY_TIMEOUT);
      for (int i = 0; i < 100; i++) {
        handler.handleRequest(event(file, withoutKey), context); // warm-up
      }
      long calls = dataApi.totalCalls();
      long[] nanos = new long[SAMPLES];
      for (int i = 0; i < SAMPLES; i++) {
        var event = event(file, withoutKey);
        long start = System.nanoTime();
        handler.handleRequest(event, context);
        nanos[i] = System.nanoTime() - start;
      }
      double perRequest = (double) (dataApi.totalCalls() - calls) / SAMPLES;
      Arrays.sort(nanos);
      System.out.printf("%-30s %10.2f %10.2f %10.2f %10.2f%n", name, perRequest,
          millis(nanos, 0.50), millis(nanos, 0.90), millis(nanos, 0.99));
    }

    private APIGatewayProxyRequestEvent event(String file, boolean withoutKey) throws IOException {
      var event = event(file);
      if (withoutKey) {
        event.getHeaders().remove("Idempotency-Key");
        event.getMultiValueHeaders().remove("Idempotency-Key");
      }
      return event;
    }

    private APIGatewayProxyRequestEvent event(String file) throws IOException {
      var serializer = LambdaEventSerializers.serializerFor(APIGatewayProxyRequestEvent.class,
          RoundTrips.class.getClassLoader());
      try (InputStream in = Files.newInputStream(events.resolve(file))) {
        return serializer.fromJson(in);
      }
    }

    private static double millis(long[] sorted, double quantile) {
      return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
    }
  }
}
