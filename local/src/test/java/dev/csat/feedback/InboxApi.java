package dev.csat.feedback;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.csat.App;
import dev.csat.auth.Scopes;
import dev.csat.http.ApiHandler;
import dev.csat.testing.Events;
import dev.csat.testing.TestContext;
import java.util.List;
import java.util.Map;

/**
 * The inbox handlers wired to one test {@link App}, called with API Gateway events built here:
 * as a caller of {@code tenant} holding every scope, unless asked otherwise.
 */
public final class InboxApi {
  private final App app;
  private final String tenant;

  private InboxApi(App app, String tenant) {
    this.app = app;
    this.tenant = tenant;
  }

  public static InboxApi of(App app, String tenant) {
    return new InboxApi(app, tenant);
  }

  public InboxApi as(String otherTenant) {
    return new InboxApi(app, otherTenant);
  }

  public APIGatewayProxyResponseEvent create(String body) {
    return create(body, null);
  }

  public APIGatewayProxyResponseEvent create(String body, String idempotencyKey) {
    var event = event("POST", "/api/csat/v1/feedbacks", Map.of(), Map.of(), body);
    if (idempotencyKey != null) {
      event.getHeaders().put("Idempotency-Key", idempotencyKey);
    }
    return call(new CreateFeedbackHandler(app.inbox(), app.http()), event);
  }

  /** GET /feedbacks with the query parameters given as name, value, name, value... */
  public APIGatewayProxyResponseEvent list(String... query) {
    return call(new ListFeedbacksHandler(app.inbox(), app.http()), getEvent("/api/csat/v1/feedbacks", query));
  }

  public APIGatewayProxyResponseEvent count(String... query) {
    return call(new CountFeedbacksHandler(app.inbox(), app.http()), getEvent("/api/csat/v1/feedbacks/count", query));
  }

  public APIGatewayProxyResponseEvent export(String... query) {
    return exportInParts(ExportFeedbacksHandler.PartLimits.LAMBDA, query);
  }

  /** An export whose parts are cut at {@code rowsPerCall} rows per Data API call and {@code maxPartBytes}. */
  public APIGatewayProxyResponseEvent exportInParts(int rowsPerCall, long maxPartBytes, String... query) {
    return exportInParts(new ExportFeedbacksHandler.PartLimits(rowsPerCall, maxPartBytes, java.time.Duration.ofSeconds(15)), query);
  }

  private APIGatewayProxyResponseEvent exportInParts(ExportFeedbacksHandler.PartLimits limits, String... query) {
    return call(new ExportFeedbacksHandler(app.inbox(), app.http(), limits), getEvent("/api/csat/v1/feedbacks/export", query));
  }

  public APIGatewayProxyResponseEvent search(String body) {
    return call(new SearchFeedbacksHandler(app.inbox(), app.http()),
        event("POST", "/api/csat/v1/feedbacks/search", Map.of(), Map.of(), body));
  }

  public APIGatewayProxyResponseEvent countSearch(String body) {
    return call(new CountFeedbackSearchHandler(app.inbox(), app.http()),
        event("POST", "/api/csat/v1/feedbacks/search/count", Map.of(), Map.of(), body));
  }

  public APIGatewayProxyResponseEvent get(String id) {
    return call(new GetFeedbackHandler(app.inbox(), app.http()),
        event("GET", "/api/csat/v1/feedbacks/" + id, Map.of("feedback_id", id), Map.of(), null));
  }

  public APIGatewayProxyResponseEvent setState(String id, String body) {
    return call(new UpdateFeedbackHandler(app.inbox(), app.http()),
        event("PATCH", "/api/csat/v1/feedbacks/" + id, Map.of("feedback_id", id), Map.of(), body));
  }

  public APIGatewayProxyResponseEvent addFollowUp(String id, String body) {
    return call(new AddFollowUpHandler(app.inbox(), app.http()),
        event("POST", "/api/csat/v1/feedbacks/" + id + "/follow-up", Map.of("feedback_id", id), Map.of(), body));
  }

  public APIGatewayProxyResponseEvent editFollowUp(String id, String body) {
    return call(new EditFollowUpHandler(app.inbox(), app.http()),
        event("PUT", "/api/csat/v1/feedbacks/" + id + "/follow-up", Map.of("feedback_id", id), Map.of(), body));
  }

  public APIGatewayProxyResponseEvent ticket(String ticketId) {
    return call(new GetTicketFeedbackHandler(app.inbox(), app.http()),
        event("GET", "/api/csat/v1/tickets/" + ticketId + "/feedback", Map.of("ticket_id", ticketId), Map.of(), null));
  }

  public APIGatewayProxyResponseEvent agents() {
    return call(new ListAgentsHandler(app.inbox(), app.http()), getEvent("/api/csat/v1/agents"));
  }

  private APIGatewayProxyRequestEvent getEvent(String path, String... query) {
    return event("GET", path, Map.of(), Events.query(query), null);
  }

  private APIGatewayProxyRequestEvent event(String method, String path, Map<String, String> pathParameters,
      Map<String, List<String>> query, String body) {
    return Events.request(method, path, pathParameters, query, body,
        Events.caller("inbox-admin", tenant, String.join(" ", Scopes.ALL)));
  }

  private static APIGatewayProxyResponseEvent call(ApiHandler<?, ?> handler, APIGatewayProxyRequestEvent event) {
    return handler.handleRequest(event, TestContext.of(handler.getClass().getSimpleName()));
  }
}
