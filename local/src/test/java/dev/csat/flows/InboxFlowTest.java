package dev.csat.flows;

import static dev.csat.testing.Responses.expect;
import static dev.csat.testing.Responses.expectProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.csat.App;
import dev.csat.catalog.CatalogHandlers;
import dev.csat.feedback.InboxApi;
import dev.csat.http.Json;
import dev.csat.interactions.InteractionHandlers;
import dev.csat.testing.Events;
import dev.csat.testing.LocalStack;
import dev.csat.testing.MutableClock;
import dev.csat.testing.TestContext;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The inbox's life of one rating: ingested, found, looked up by ticket, followed up, worked; tenants kept apart. */
class InboxFlowTest {
  // Seed 001's rating, as a ticket system would send it.
  static final String TICKET_RATING = """
      {"product_key":"acme-app","rating":4,"scale":"1-5","comment":"Good service, fast delivery",
       "source":"ticket","platform":"whatsapp","reference":"T-5678","company_id":"100",
       "company_name":"Acme Corp","agent_id":"42","agent_name":"Agent One","carrier":"fedex",
       "country":"mx","metadata":{"ticket_type":"overweight","priority":2}}""";

  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-04-10T14:30:00.000Z"));
  private static App app;
  private static InboxApi inbox;

  @BeforeAll
  static void catalogue() {
    app = LocalStack.freshApp(CLOCK);
    CatalogHandlers.of(app).withStoryFeature();
    inbox = InboxApi.of(app, "acme");
  }

  @Test
  void aTicketRatingIsStoredAsSentAndFoundAgain() {
    Instant now = CLOCK.instant();
    JsonNode created = expect(201, inbox.create(TICKET_RATING));
    assertEquals(4, created.path("rating").asInt());
    assertEquals("1-5", created.path("scale").asText());
    assertEquals("MX", created.path("country").asText());
    assertEquals("open", created.path("state").asText());
    assertEquals("overweight", created.path("metadata").path("ticket_type").asText());
    assertEquals(2, created.path("metadata").path("priority").asInt());
    assertTrue(created.path("follow_up").isNull());
    assertEquals(Json.timestamp(now), created.path("created_at").asText());

    String id = created.path("id").asText();
    assertEquals(created, expect(200, inbox.get(id)));
    JsonNode byTicket = expect(200, inbox.ticket("T-5678"));
    assertEquals(created, byTicket.path("data").path(0));
  }

  @Test
  void aTicketWithoutRatingIsAnEmptyList() {
    assertEquals(0, expect(200, inbox.ticket("T-no-rating")).path("data").size());
  }

  @Test
  void anotherTenantSeesNothingAndChangesNothing() {
    String id = expect(201, inbox.create(TICKET_RATING.replace("T-5678", "T-private"))).path("id").asText();
    InboxApi other = inbox.as("globex");
    expectProblem(404, "not_found", other.get(id));
    expectProblem(404, "not_found", other.setState(id, "{\"state\":\"done\"}"));
    expectProblem(404, "not_found", other.addFollowUp(id, "{\"comment\":\"not mine\"}"));
    expectProblem(404, "not_found", other.editFollowUp(id, "{\"comment\":\"not mine\"}"));
    assertEquals(0, expect(200, other.ticket("T-private")).path("data").size());
    assertEquals(0, expect(200, other.list()).path("data").size());
    assertEquals(0, expect(200, other.count()).path("count").asLong());
    JsonNode mine = expect(200, inbox.get(id));
    assertEquals("open", mine.path("state").asText());
    assertTrue(mine.path("follow_up").isNull());
  }

  @Test
  void aFollowUpIsAddedOnceAndThenEdited() {
    String id = expect(201, inbox.create(TICKET_RATING.replace("T-5678", "T-follow"))).path("id").asText();
    expectProblem(404, "not_found", inbox.editFollowUp(id, "{\"comment\":\"nothing to edit\"}"));

    CLOCK.advance(Duration.ofHours(2));
    String addedAt = Json.timestamp(CLOCK.instant());
    JsonNode added = expect(201, inbox.addFollowUp(id, "{\"comment\":\"We have addressed this issue.\"}"));
    JsonNode followUp = added.path("follow_up");
    assertEquals("We have addressed this issue.", followUp.path("comment").asText());
    assertEquals("inbox-admin", followUp.path("created_by").asText());
    assertEquals(addedAt, followUp.path("created_at").asText());
    assertTrue(followUp.path("updated_at").isNull());
    assertEquals(addedAt, added.path("updated_at").asText());

    expectProblem(409, "conflict", inbox.addFollowUp(id, "{\"comment\":\"again\"}"));

    CLOCK.advance(Duration.ofHours(1));
    String editedAt = Json.timestamp(CLOCK.instant());
    JsonNode edited = expect(200, inbox.editFollowUp(id, "{\"comment\":\"Updated: customer contacted.\"}"));
    assertEquals("Updated: customer contacted.", edited.path("follow_up").path("comment").asText());
    assertEquals(addedAt, edited.path("follow_up").path("created_at").asText());
    assertEquals(editedAt, edited.path("follow_up").path("updated_at").asText());
    assertEquals(edited, expect(200, inbox.get(id)));
  }

  @Test
  void theStateMovesThroughTheWorkflow() {
    JsonNode created = expect(201, inbox.create(TICKET_RATING.replace("T-5678", "T-state")));
    String id = created.path("id").asText();
    CLOCK.advance(Duration.ofMinutes(5));
    JsonNode working = expect(200, inbox.setState(id, "{\"state\":\"in_progress\"}"));
    assertEquals("in_progress", working.path("state").asText());
    assertNotEquals(created.path("updated_at"), working.path("updated_at"));
    CLOCK.advance(Duration.ofMinutes(5));
    JsonNode again = expect(200, inbox.setState(id, "{\"state\":\"in_progress\"}"));
    assertEquals(working.path("updated_at"), again.path("updated_at"), "the same state changes nothing");
    JsonNode problem = expectProblem(400, "validation", inbox.setState(id, "{\"state\":\"closed\"}"));
    assertEquals("state", problem.path("invalid_params").path(0).path("name").asText());
    expectProblem(404, "not_found", inbox.setState("019a6b1e-7c40-7d2a-9b1e-3f0c5a7d9e21", "{\"state\":\"done\"}"));
    expectProblem(400, "validation", inbox.get("not-a-uuid"));
  }

  @Test
  void agentsNamedByFeedbackAreListed() {
    expect(201, inbox.create(TICKET_RATING.replace("T-5678", "T-agent")));
    expect(201, inbox.create(TICKET_RATING.replace("\"42\"", "\"7\"").replace("Agent One", "Agent Seven")));
    JsonNode agents = expect(200, inbox.agents()).path("data");
    assertTrue(agents.toString().contains("{\"agent_id\":\"42\",\"name\":\"Agent One\"}"), agents::toString);
    assertTrue(agents.toString().contains("{\"agent_id\":\"7\",\"name\":\"Agent Seven\"}"), agents::toString);
    assertEquals(0, expect(200, inbox.as("globex").agents()).path("data").size());
  }

  @Test
  void aRetryUnderTheSameKeyStoresOnce() {
    String body = TICKET_RATING.replace("T-5678", "T-retry").replace("\"42\"", "\"retry-agent\"");
    long total = expect(200, inbox.count()).path("count").asLong();
    JsonNode first = expect(201, inbox.create(body, "import-T-retry"));
    CLOCK.advance(Duration.ofSeconds(2));
    assertEquals(first, expect(201, inbox.create(body, "import-T-retry")));
    expectProblem(409, "conflict", inbox.create(body.replace("Agent One", "Renamed"), "import-T-retry"));
    assertEquals(total + 1, expect(200, inbox.count()).path("count").asLong(), "counted once");
    assertTrue(expect(200, inbox.agents()).path("data").toString()
        .contains("{\"agent_id\":\"retry-agent\",\"name\":\"Agent One\"}"), "a refused retry renames no agent");
    String byReference = "{\"query\":[{\"filter_type\":\"reference\",\"operator\":\"eq\",\"value\":\"T-retry\"}]}";
    assertEquals(1, expect(200, inbox.countSearch(byReference)).path("count").asLong());
    assertEquals(1, expect(200, inbox.ticket("T-retry")).path("data").size());
  }

  @Test
  void aPromptedRatingLandsInTheInbox() {
    var prompting = InteractionHandlers.of(app);
    JsonNode submitted = expect(201, prompting.submitFeedback().handleRequest(
        Events.api("submit-feedback.json"), TestContext.of("submitFeedback")));
    JsonNode inInbox = expect(200, inbox.get(submitted.path("id").asText()));
    assertEquals("prompted", inInbox.path("source").asText());
    assertEquals("1-10", inInbox.path("scale").asText());
    assertEquals(submitted.path("feature_key"), inInbox.path("feature_key"));
    assertEquals(submitted.path("comment"), inInbox.path("comment"));
  }

  @Test
  void importsKeepTheirTimeButNotAFutureOne() {
    JsonNode old = expect(201, inbox.create(TICKET_RATING.replace("T-5678", "T-old")
        .replace("\"rating\":4", "\"created_at\":\"2025-01-02T03:04:05.678+01:00\",\"rating\":4")));
    assertEquals("2025-01-02T02:04:05.678Z", old.path("created_at").asText());
    assertTrue(old.path("id").asText().startsWith("0194"), "the id carries the creation time");
    JsonNode problem = expectProblem(400, "validation", inbox.create(TICKET_RATING
        .replace("\"rating\":4", "\"created_at\":\"2027-01-01T00:00:00Z\",\"rating\":4")));
    assertEquals("created_at", problem.path("invalid_params").path(0).path("name").asText());
  }
}
