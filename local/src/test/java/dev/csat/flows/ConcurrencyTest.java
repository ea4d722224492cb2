package dev.csat.flows;

import static dev.csat.testing.Events.api;
import static dev.csat.testing.Responses.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.csat.App;
import dev.csat.catalog.CatalogHandlers;
import dev.csat.interactions.InteractionHandlers;
import dev.csat.testing.LocalStack;
import dev.csat.testing.MutableClock;
import dev.csat.testing.TestContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Many callers on one counter at once: the final count is exact, and the first insert never races. */
class ConcurrencyTest {
  private static final int THREADS = 16;
  private static final int CALLS_PER_THREAD = 25;

  private static InteractionHandlers prompting;

  @BeforeAll
  static void catalogue() {
    App app = LocalStack.freshApp(new MutableClock(Instant.parse("2026-03-05T14:32:00.000Z")));
    CatalogHandlers.of(app).withStoryFeature();
    prompting = InteractionHandlers.of(app);
  }

  @Test
  void concurrentIncrementsOfANewUserLoseNothing() throws Exception {
    String body = "{\"user_email\":\"race@example.com\"}";
    runConcurrently(() -> expect(200, prompting.increment().handleRequest(
        api("increment-interaction.json").withBody(body), TestContext.of("IncrementInteractionFunction"))));

    JsonNode state = expect(200, prompting.increment().handleRequest(
        api("increment-interaction.json").withBody(body), TestContext.of("IncrementInteractionFunction")));
    int expected = THREADS * CALLS_PER_THREAD + 1;
    assertEquals(expected, state.path("total_interaction_count").asInt());
    assertEquals(expected, state.path("interaction_count").asInt());
  }

  @Test
  void concurrentIncrementsAndRejectionsKeepEveryRejection() throws Exception {
    String body = "{\"user_email\":\"mixed@example.com\"}";
    runConcurrently(() -> {
      expect(200, prompting.increment().handleRequest(
          api("increment-interaction.json").withBody(body), TestContext.of("IncrementInteractionFunction")));
      return expect(200, prompting.reject().handleRequest(
          api("reject-prompt.json").withBody(body), TestContext.of("RejectPromptFunction")));
    });

    JsonNode state = expect(200, prompting.increment().handleRequest(
        api("increment-interaction.json").withBody(body), TestContext.of("IncrementInteractionFunction")));
    assertEquals(THREADS * CALLS_PER_THREAD, state.path("rejection_count").asInt());
    assertEquals(THREADS * CALLS_PER_THREAD + 1, state.path("total_interaction_count").asInt());
  }

  private static void runConcurrently(java.util.concurrent.Callable<JsonNode> call) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        futures.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < CALLS_PER_THREAD; i++) {
            call.call();
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
