package dev.csat.flows;

import static dev.csat.testing.Responses.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.csat.App;
import dev.csat.catalog.CatalogHandlers;
import dev.csat.feedback.InboxApi;
import dev.csat.local.dataapi.LocalDataApi;
import dev.csat.testing.LocalStack;
import dev.csat.testing.MutableClock;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Every inbox request is one Data API statement, whatever its outcome; an export part one per page of rows. */
class InboxRoundTripTest {
  private static final LocalDataApi ENDPOINT = LocalStack.dataApiEndpoint();

  @Test
  void everyInboxRequestIsOneStatement() {
    App app = LocalStack.freshApp(new MutableClock(Instant.parse("2026-04-10T14:30:00.000Z")));
    CatalogHandlers.of(app).withStoryFeature();
    InboxApi inbox = InboxApi.of(app, "acme");
    String body = InboxFlowTest.TICKET_RATING;

    String id = expect(201, oneCall(() -> inbox.create(body, "round-trip"))).path("id").asText();
    oneCall(201, () -> inbox.create(body, "round-trip"));
    oneCall(409, () -> inbox.create(body.replace("\"rating\":4", "\"rating\":2"), "round-trip"));
    oneCall(400, () -> inbox.create(body.replace("acme-app", "unknown-app")));
    oneCall(200, () -> inbox.get(id));
    oneCall(404, () -> inbox.as("globex").get(id));
    oneCall(200, () -> inbox.ticket("T-5678"));
    oneCall(200, () -> inbox.list("state", "open", "order_by", "rating"));
    oneCall(200, () -> inbox.list("start", "0", "draw", "1", "q", "delivery"));
    oneCall(200, () -> inbox.count("source", "ticket"));
    oneCall(200, () -> inbox.search("{\"query\":[{\"filter_type\":\"state\",\"operator\":\"eq\",\"value\":\"open\"}]}"));
    oneCall(200, () -> inbox.countSearch("{}"));
    oneCall(201, () -> inbox.addFollowUp(id, "{\"comment\":\"Called the customer.\"}"));
    oneCall(409, () -> inbox.addFollowUp(id, "{\"comment\":\"Called the customer.\"}"));
    oneCall(200, () -> inbox.editFollowUp(id, "{\"comment\":\"Called the customer twice.\"}"));
    oneCall(200, () -> inbox.setState(id, "{\"state\":\"done\"}"));
    oneCall(200, inbox::agents);
    APIGatewayProxyResponseEvent export = oneCall(200, () -> inbox.export("format", "csv"));
    assertNull(export.getHeaders().get("X-Next-Cursor"));
  }

  @Test
  void invalidInputNeverReachesTheDatabase() {
    App app = LocalStack.freshApp(new MutableClock(Instant.parse("2026-04-10T14:30:00.000Z")));
    InboxApi inbox = InboxApi.of(app, "acme");
    long before = ENDPOINT.totalCalls();
    expect(400, inbox.list("limit", "0"));
    expect(400, inbox.search("{\"query\":[{\"filter_type\":\"colour\",\"operator\":\"eq\",\"value\":1}]}"));
    expect(400, inbox.create("{\"rating\":11,\"source\":\"ticket\"}"));
    assertEquals(before, ENDPOINT.totalCalls());
  }

  private static APIGatewayProxyResponseEvent oneCall(Supplier<APIGatewayProxyResponseEvent> request) {
    long executes = ENDPOINT.calls("ExecuteStatement");
    long total = ENDPOINT.totalCalls();
    APIGatewayProxyResponseEvent response = request.get();
    assertEquals(1, ENDPOINT.calls("ExecuteStatement") - executes, response::getBody);
    assertEquals(1, ENDPOINT.totalCalls() - total, response::getBody);
    return response;
  }

  private static APIGatewayProxyResponseEvent oneCall(int status, Supplier<APIGatewayProxyResponseEvent> request) {
    APIGatewayProxyResponseEvent response = oneCall(request);
    assertEquals(status, response.getStatusCode(), response::getBody);
    return response;
  }
}
