package dev.csat.flows;

import com.amazonaws.services.lambda.runtime.Context;
import static dev.csat.testing.Events.api;
import static dev.csat.testing.Events.asTenant;
import static dev.csat.testing.Responses.expect;
import static dev.csat.testing.Responses.expectProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.csat.App;
import dev.csat.catalog.CatalogHandlers;
import dev.csat.data.SqlParams;
import dev.csat.interactions.InteractionHandlers;
import dev.csat.testing.LocalStack;
import dev.csat.testing.MutableClock;
import dev.csat.testing.TestContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A retried feedback submission returns the first result and stores nothing twice. */
class IdempotencyTest {
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-05T14:32:00.000Z"));
  private static App app;
  private static InteractionHandlers prompting;

  @BeforeAll
  static void catalogue() {
    app = LocalStack.freshApp(CLOCK);
    CatalogHandlers.of(app).withStoryFeature();
    prompting = InteractionHandlers.of(app);
  }

  @Test
  void aRetryWithTheSameKeyReturnsTheFirstFeedback() {
    JsonNode first = expect(201, prompting.submitFeedback().handleRequest(withKey("retry-1", null), context()));
    CLOCK.advance(Duration.ofSeconds(3));
    JsonNode retry = expect(201, prompting.submitFeedback().handleRequest(withKey("retry-1", null), context()));
    assertEquals(first, retry);
    assertEquals(1, feedbacksWithKey("retry-1"));
  }

  @Test
  void theSameKeyWithAnotherBodyConflicts() {
    expect(201, prompting.submitFeedback().handleRequest(withKey("reuse-1", null), context()));
    String other = "{\"user_email\":\"user@example.com\",\"rating\":2,\"source\":\"prompted\"}";
    expectProblem(409, "conflict", prompting.submitFeedback().handleRequest(withKey("reuse-1", other), context()));
    assertEquals(1, feedbacksWithKey("reuse-1"));
  }

  @Test
  void keysBelongToOneTenant() {
    JsonNode mine = expect(201, prompting.submitFeedback().handleRequest(withKey("tenant-key", null), context()));
    String other = "another-tenant";
    var catalog = CatalogHandlers.of(app);
    expect(201, catalog.createProduct().handleRequest(asTenant(api("create-product.json"), other), context()));
    expect(201, catalog.createFeature().handleRequest(asTenant(api("create-feature.json"), other), context()));
    JsonNode theirs = expect(201, prompting.submitFeedback().handleRequest(asTenant(withKey("tenant-key", null), other), context()));
    assertNotEquals(mine.path("id"), theirs.path("id"));
    assertEquals(2, feedbacksWithKey("tenant-key"));
  }

  @Test
  void concurrentRetriesAllGetTheFirstFeedback() throws Exception {
    int callers = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<JsonNode>> answers = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        answers.add(pool.submit(() -> {
          start.await();
          return expect(201, prompting.submitFeedback().handleRequest(withKey("burst-1", null), context()));
        }));
      }
      start.countDown();
      Set<String> ids = new HashSet<>();
      for (Future<JsonNode> answer : answers) {
        ids.add(answer.get().path("id").asText());
      }
      assertEquals(1, ids.size(), () -> "ids: " + ids);
      assertEquals(1, feedbacksWithKey("burst-1"));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void withoutAKeyEverySubmissionIsANewFeedback() {
    JsonNode first = expect(201, prompting.submitFeedback().handleRequest(withKey(null, null), context()));
    JsonNode second = expect(201, prompting.submitFeedback().handleRequest(withKey(null, null), context()));
    assertNotEquals(first.path("id"), second.path("id"));
  }

  /** events/submit-feedback.json with this Idempotency-Key (none when null) and body (its own when null). */
  private static APIGatewayProxyRequestEvent withKey(String key, String body) {
    var event = api("submit-feedback.json");
    Map<String, String> headers = new HashMap<>(event.getHeaders());
    headers.remove("Idempotency-Key");
    if (key != null) {
      headers.put("Idempotency-Key", key);
    }
    event.setHeaders(headers);
    if (body != null) {
      event.setBody(body);
    }
    return event;
  }

  private static long feedbacksWithKey(String key) {
    return app.dataApi()
        .query("SELECT count(*) AS n FROM feedbacks WHERE idempotency_key = :key", SqlParams.of().text("key", key))
        .getFirst().longValue("n");
  }

  private static Context context() {
    return TestContext.of("IdempotencyTest");
  }
}
