package dev.csat.flows;

import static dev.csat.testing.Responses.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.csat.App;
import dev.csat.feedback.InboxApi;
import dev.csat.testing.LocalStack;
import dev.csat.testing.MutableClock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Comments of 10,000 characters: a page of 100 would exceed the Data API's 1 MiB response, so
 * pages stop early and say there is more; nothing fails and nothing is skipped.
 */
class InboxLargePagesTest {
  private static final int FEEDBACKS = 130;
  private static InboxApi inbox;

  @BeforeAll
  static void longComments() {
    App app = LocalStack.freshApp(new MutableClock(Instant.parse("2026-04-10T14:30:00.000Z")));
    inbox = InboxApi.of(app, "acme");
    // Quotes, backslashes and non-ASCII grow in JSON; line feeds too.
    String comment = ("\"Quoted\" \\ naïve café 日本語 ✓ line\n").repeat(10_000 / 32).substring(0, 10_000);
    for (int i = 0; i < FEEDBACKS; i++) {
      expect(201, inbox.create("{\"rating\":4,\"scale\":\"1-5\",\"source\":\"api\",\"reference\":\"R-" + i
          + "\",\"comment\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(comment) + "}"));
    }
  }

  @Test
  void keysetPagesStopEarlyAndLoseNothing() {
    Set<String> seen = new HashSet<>();
    JsonNode page = expect(200, inbox.list("limit", "100"));
    int firstPage = page.path("data").size();
    assertTrue(firstPage < 100 && firstPage > 0, "a page of long comments stops early: " + firstPage);
    assertTrue(page.path("has_more").asBoolean());
    page.path("data").forEach(f -> seen.add(f.path("id").asText()));
    while (page.path("has_more").asBoolean()) {
      page = expect(200, inbox.list("limit", "100", "after", page.path("next").asText()));
      page.path("data").forEach(f -> assertTrue(seen.add(f.path("id").asText()), "no feedback twice"));
    }
    assertEquals(FEEDBACKS, seen.size());
  }

  @Test
  void offsetPagesStopEarlyToo() {
    JsonNode table = expect(200, inbox.list("start", "0", "limit", "100"));
    int rows = table.path("data").size();
    assertTrue(rows < 100 && rows > 0, "rows: " + rows);
    assertEquals(FEEDBACKS, table.path("records_filtered").asLong());
    JsonNode next = expect(200, inbox.list("start", Integer.toString(rows), "limit", "100"));
    assertTrue(next.path("data").size() > 0);
  }

  @Test
  void anExportPartStaysUnderLambdasResponseLimit() {
    var part = inbox.export("format", "ndjson");
    assertEquals(200, part.getStatusCode());
    assertEquals(FEEDBACKS, part.getBody().split("\n").length);
    assertTrue(part.getBody().length() < 6_000_000);
  }
}
