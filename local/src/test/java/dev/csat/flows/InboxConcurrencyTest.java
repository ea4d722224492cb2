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

  @Test
  void concurrentWritesAreAllCounted() throws Exception {
    long total = expect(200, inbox.count()).path("count").asLong();
    for (var response : race(() -> {
      for (int i = 0; i < 10; i++) {
        expect(201, inbox.create("{\"rating\":2,\"scale\":\"1-5\",\"source\":\"shop\"}"));
      }
      return expect(200, inbox.list("source", "shop", "limit", "1"));
    })) {
      String id = response.path("data").path(0).path("id").asText();
      expect(200, inbox.setState(id, "{\"state\":\"in_progress\"}"));
    }
    assertEquals(total + CALLERS * 10, expect(200, inbox.count()).path("count").asLong());
    assertEquals(CALLERS * 10, expect(200, inbox.count("source", "shop", "score", "2")).path("count").asLong());
    long working = expect(200, inbox.count("source", "shop", "state", "in_progress")).path("count").asLong();
    long open = expect(200, inbox.count("source", "shop", "state", "open")).path("count").asLong();
    assertEquals(CALLERS * 10, working + open, "a state change moves a count, never loses one");
    assertEquals(working, expect(200, inbox.list("source", "shop", "state", "in_progress", "limit", "100"))
        .path("data").size());
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
