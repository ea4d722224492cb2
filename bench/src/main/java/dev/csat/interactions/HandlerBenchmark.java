package dev.csat.interactions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.csat.http.Http;
import dev.csat.http.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Warm handler time per request, excluding the database: the whole handler path (event parsing,
 * validation, use case, JSON rendering, response) over a repository that answers at once.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Dcsat.log.target=SYSTEM_ERR"})
public class HandlerBenchmark {
  private static final Instant NOW = Instant.parse("2026-03-05T14:32:00.000Z");

  private final Http http = new Http(new Json());
  private final Interactions interactions = new Interactions(new InstantRepository(), Clock.fixed(NOW, ZoneOffset.UTC));
  private final IncrementInteractionHandler increment = new IncrementInteractionHandler(interactions, http);
  private final SubmitFeedbackHandler submit = new SubmitFeedbackHandler(interactions, http);

  private final APIGatewayProxyRequestEvent incrementEvent =
      event("increment", "{\"user_email\":\"user@example.com\"}");
  private final APIGatewayProxyRequestEvent feedbackEvent = event("feedbacks",
      "{\"user_email\":\"user@example.com\",\"rating\":8,\"source\":\"prompted\","
          + "\"comment\":\"Works great, but could be faster.\"}");
  private final APIGatewayProxyRequestEvent invalidEvent = event("feedbacks",
      "{\"user_email\":\"nope\",\"rating\":11,\"source\":\"email\"}");

  @Benchmark
  public APIGatewayProxyResponseEvent increment() {
    return increment.respond(incrementEvent);
  }

  @Benchmark
  public APIGatewayProxyResponseEvent submitFeedback() {
    return submit.respond(feedbackEvent);
  }

  @Benchmark
  public APIGatewayProxyResponseEvent invalidFeedback() {
    return submit.respond(invalidEvent);
  }

  private static APIGatewayProxyRequestEvent event(String action, String body) {
    var context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
    context.setRequestId("c6af9ac6-7b61-11e6-9a41-93e8deadbeef");
    context.setAuthorizer(Map.of("tenant", "acme", "principal", "bench",
        "scopes", "interactions:write feedback:write"));
    return new APIGatewayProxyRequestEvent()
        .withHttpMethod("POST")
        .withPath("/api/csat/v1/products/acme-app/features/dashboard/" + action)
        .withPathParameters(Map.of("product_key", "acme-app", "feature_key", "dashboard"))
        .withHeaders(Map.of("Content-Type", "application/json"))
        .withRequestContext(context)
        .withBody(body);
  }

  /** Answers like the database would, with no I/O. */
  private static final class InstantRepository implements InteractionRepository {
    private static final PromptSettings SETTINGS = new PromptSettings(5, 3, 180, true);
    private static final Interaction ROW =
        new Interaction("dashboard", "user@example.com", 5, 11, 0, null, NOW, NOW);

    @Override
    public Optional<TrackedInteraction> increment(FeatureRef feature, String userEmail, Instant now) {
      return Optional.of(new TrackedInteraction(ROW, SETTINGS));
    }

    @Override
    public Optional<TrackedInteraction> reject(FeatureRef feature, String userEmail, Instant now) {
      return Optional.of(new TrackedInteraction(ROW, SETTINGS));
    }

    @Override
    public Optional<List<TrackedInteraction>> listForUser(String tenant, String productKey, String userEmail) {
      return Optional.of(List.of(new TrackedInteraction(ROW, SETTINGS)));
    }

    @Override
    public FeedbackSubmission submitFeedback(FeatureRef feature, NewFeedback feedback, UUID newId, Instant now) {
      return new FeedbackSubmission.Stored(new Feedback(newId, feature.productKey(), feature.featureKey(),
          feedback.userEmail(), feedback.rating(), feedback.source(), feedback.comment(), feedback.userAgent(),
          now, now));
    }
  }
}
