package dev.csat.flows;

import static dev.csat.testing.Responses.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.csat.App;
import dev.csat.catalog.CatalogHandlers;
import dev.csat.feedback.InboxApi;
import dev.csat.testing.LocalStack;
import dev.csat.testing.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Concurrent retries store one feedback; concurrent follow-ups add exactly one. */
class InboxConcurrencyTest {
  private static final int CALLERS = 8;
  private static InboxApi inbox;

  @BeforeAll
  static void catalogue() {
    App app = LocalStack.freshApp(new MutableClock(Instant.parse("2026-04-10T14:30:00.000Z")));
    CatalogHandlers.of(app).withStoryFeature();
    inbox = InboxApi.of(app, "acme");
  }

  @Test
  void concurrentRetriesStoreOneFeedback() throws Exception {
    String body = InboxFlowTest.TICKET_RATING.replace("T-5678", "T-race");
    Set<String> ids = new HashSet<>();
    for (var response : race(() -> inbox.create(body, "race-key"))) {
      ids.add(expect(201, response).path("id").asText());
    }
    assertEquals(1, ids.size(), "every retry returned the first feedback");
    assertEquals(1, expect(200, inbox.ticket("T-race")).path("data").size());
  }

  @Test
  void concurrentFollowUpsAddExactlyOne() throws Exception {
    String id = expect(201, inbox.create(InboxFlowTest.TICKET_RATING.replace("T-5678", "T-follow-race")))
        .path("id").asText();
    List<Integer> statuses = new ArrayList<>();
    for (var response : race(() -> inbox.addFollowUp(id, "{\"comment\":\"mine\"}"))) {
      statuses.add(response.getStatusCode());
    }
    assertEquals(1, statuses.stream().filter(status -> status == 201).count(), statuses::toString);
    assertEquals(CALLERS - 1, statuses.stream().filter(status -> status == 409).count(), statuses::toString);
  }

  private static <T> List<T> race(Callable<T> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < CALLERS; i++) {
        futures.add(pool.submit(() -> {
          start.await();
          return call.call();
        }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
