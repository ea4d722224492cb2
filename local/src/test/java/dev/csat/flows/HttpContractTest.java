package dev.csat.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.csat.auth.Scopes;
import dev.csat.local.gateway.AuthorizerContext;
import dev.csat.local.gateway.LocalGateway;
import dev.csat.local.gateway.RouteTable;
import dev.csat.local.gateway.SamTemplate;
import dev.csat.testing.Events;
import dev.csat.testing.LocalStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * End to end over HTTP, as a web app calls it: the local gateway (routing by template.yaml) in
 * front of the handlers built by their Lambda constructors, every response checked against
 * openapi.yaml, and every valid request too.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HttpContractTest {
  private static final String BASE = "/api/csat/v1";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static OpenApiInteractionValidator contract;
  private static LocalGateway gateway;
  private static String ticketFeedbackId;
  private static String plainFeedbackId;

  @BeforeAll
  static void start() throws Exception {
    LocalStack.configureDefaultApp();
    var root = Events.repoRoot();
    contract = OpenApiInteractionValidator
        .createForInlineApiSpecification(Files.readString(root.resolve("openapi.yaml")))
        // Credentials are HttpSecurityTest's subject; here the gateway trusts every caller. And no
        // caller ever sends the usagePlanKey scheme's header: the authorizer supplies that key.
        .withLevelResolver(LevelResolver.create()
            .withLevel("validation.request.security.missing", ValidationReport.Level.IGNORE)
            .build())
        .build();
    var routes = RouteTable.from(SamTemplate.load(root.resolve("template.yaml")));
    gateway = LocalGateway.start(routes, AuthorizerContext.trusted("http-" + UUID.randomUUID(), Scopes.ALL), "127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  @Order(1)
  void seedZeroStoryOverHttp() throws Exception {
    valid("POST", "/products", "{\"key\":\"acme-app\",\"name\":\"Acme App\"}", 201);
    valid("POST", "/products/acme-app/features", "{\"feature_key\":\"dashboard\",\"interaction_threshold\":5,\"rejection_threshold\":3}", 201);
    valid("POST", "/products/acme-app/features", "{\"feature_key\":\"export-csv\",\"interaction_threshold\":5,\"rejection_threshold\":3,\"description\":null}", 201);
    valid("PATCH", "/products/acme-app/features/export-csv", "{\"description\":\"CSV export\",\"cooldown_days\":30}", 200);
    valid("GET", "/products", null, 200);
    valid("GET", "/features?product_key=acme-app", null, 200);
    for (int i = 0; i < 5; i++) {
      valid("POST", "/products/acme-app/features/export-csv/increment", "{\"user_email\":\"user@example.com\"}", 200);
    }
    valid("POST", "/products/acme-app/features/dashboard/reject", "{\"user_email\":\"user@example.com\"}", 200);
    String list = valid("GET", "/products/acme-app/feature-interactions?user_email=user%40example.com", null, 200);
    assertTrue(list.contains("\"product_feature_key\":\"export-csv\",\"interaction_count\":5"), list);
    valid("POST", "/products/acme-app/features/dashboard/feedbacks",
        "{\"user_email\":\"user@example.com\",\"rating\":8,\"source\":\"prompted\",\"comment\":\"Works great, but could be faster.\"}", 201);
  }

  @Test
  @Order(2)
  void errorsAreProblemDocumentsOfTheContract() throws Exception {
    problem("POST", "/products/acme-app/features/dashboard/feedbacks",
        "{\"user_email\":\"user@example.com\",\"rating\":11,\"source\":\"prompted\"}", 400);
    problem("POST", "/products/acme-app/features/dashboard/increment", "{\"user_email\":", 400);
    problem("POST", "/products/acme-app/features/nope/increment", "{\"user_email\":\"user@example.com\"}", 404);
    problem("GET", "/products/nope/feature-interactions?user_email=user%40example.com", null, 404);
    problem("POST", "/products", "{\"key\":\"acme-app\",\"name\":\"Again\"}", 409);
    problem("PATCH", "/products/acme-app/features/dashboard", "{}", 400);
    problem("POST", "/products/acme-app/features/dashboard/increment",
        "{\"user_email\":\"user@example.com\",\"x\":\"" + "y".repeat(600 * 1024) + "\"}", 413);
  }

  @Test
  @Order(3)
  void inboxOverHttp() throws Exception {
    String ticket = "{\"product_key\":\"acme-app\",\"rating\":4,\"scale\":\"1-5\",\"comment\":\"Good service, fast delivery\","
        + "\"source\":\"ticket\",\"platform\":\"whatsapp\",\"reference\":\"T-5678\",\"company_id\":\"100\","
        + "\"company_name\":\"Acme Corp\",\"agent_id\":\"42\",\"agent_name\":\"Agent One\",\"carrier\":\"fedex\","
        + "\"country\":\"MX\",\"metadata\":{\"ticket_type\":\"overweight\"}}";
    ticketFeedbackId = field(valid("POST", "/feedbacks", ticket, 201), "id");
    plainFeedbackId = field(valid("POST", "/feedbacks", "{\"rating\":1,\"scale\":\"thumbs\",\"source\":\"api\"}", 201), "id");
    valid("POST", "/feedbacks", "{\"product_key\":\"acme-app\",\"feature_key\":\"dashboard\",\"user_email\":\"user@example.com\","
        + "\"rating\":9,\"source\":\"survey\",\"comment\":null,\"created_at\":\"2025-11-15T09:30:00.000+01:00\"}", 201);

    // Keyset pages there and back, then offset pages with and without the table's draw.
    String first = valid("GET", "/feedbacks?limit=1", null, 200);
    String second = valid("GET", "/feedbacks?limit=1&after=" + field(first, "next"), null, 200);
    valid("GET", "/feedbacks?limit=1&before=" + field(second, "previous"), null, 200);
    valid("GET", "/feedbacks?source=ticket,api&source=survey&country=MX&has_comment=true&q=delivery&order_by=rating&direction=asc",
        null, 200);
    valid("GET", "/feedbacks?start=0&limit=25&draw=1&start_date=2025-01-01&end_date=2026-12-31&time_zone=Europe/Berlin",
        null, 200);
    valid("GET", "/feedbacks?start=0", null, 200);
    valid("GET", "/feedbacks/count?state=open&score=1,4", null, 200);
    valid("GET", "/feedbacks/export?format=csv", null, 200);
    valid("GET", "/feedbacks/export?format=ndjson&source=ticket", null, 200);
    valid("POST", "/feedbacks/search", "{}", 200);
    valid("POST", "/feedbacks/search", "{\"order_by\":{\"direction\":\"desc\",\"order_by_type\":\"created_at\"},"
        + "\"query\":[{\"filter_type\":\"state\",\"operator\":\"eq\",\"value\":\"done\"}],\"limit\":20}", 200);
    valid("POST", "/feedbacks/search/count", "{\"query\":[{\"filter_type\":\"source\",\"operator\":\"in\","
        + "\"value\":[\"ticket\",\"carrier\"]},{\"filter_type\":\"rating\",\"operator\":\"lte\",\"value\":4}]}", 200);

    // One feedback through the workflow: its follow-up null, added, then edited.
    valid("GET", "/feedbacks/" + ticketFeedbackId, null, 200);
    valid("PATCH", "/feedbacks/" + ticketFeedbackId, "{\"state\":\"in_progress\"}", 200);
    valid("POST", "/feedbacks/" + ticketFeedbackId + "/follow-up",
        "{\"comment\":\"We have addressed this issue and improved our process.\"}", 201);
    valid("PUT", "/feedbacks/" + ticketFeedbackId + "/follow-up",
        "{\"comment\":\"Updated: Follow-up complete, customer contacted.\"}", 200);
    String tickets = valid("GET", "/tickets/T-5678/feedback", null, 200);
    assertTrue(tickets.contains(ticketFeedbackId), tickets);
    valid("GET", "/tickets/T-0000/feedback", null, 200);
    valid("GET", "/agents", null, 200);
  }

  @Test
  @Order(4)
  void inboxErrorsAreProblemDocumentsOfTheContract() throws Exception {
    problem("GET", "/feedbacks?order_by=colour", null, 400);
    problem("GET", "/feedbacks?colour=red", null, 400);
    problem("GET", "/feedbacks?limit=1&after=bm90.YWN1cnNvcg", null, 400);
    problem("GET", "/feedbacks/count?score=11", null, 400);
    problem("GET", "/feedbacks/export?format=xml", null, 400);
    problem("POST", "/feedbacks", "{\"product_key\":\"acme-app\",\"rating\":7,\"scale\":\"1-5\",\"source\":\"ticket\"}", 400);
    problem("POST", "/feedbacks/search", "{\"query\":[{\"filter_type\":\"rating\",\"operator\":\"between\",\"value\":[1,3]}]}", 400);
    problem("POST", "/feedbacks/search/count", "{\"query\":[{\"filter_type\":\"state\",\"operator\":\"eq\",\"value\":\"closed\"}]}", 400);
    problem("GET", "/feedbacks/not-a-uuid", null, 400);
    problem("GET", "/feedbacks/" + UUID.randomUUID(), null, 404);
    problem("PATCH", "/feedbacks/" + ticketFeedbackId, "{\"state\":\"closed\"}", 400);
    problem("POST", "/feedbacks/" + ticketFeedbackId + "/follow-up", "{\"comment\":\"Again.\"}", 409);
    problem("PUT", "/feedbacks/" + plainFeedbackId + "/follow-up", "{\"comment\":\"No follow-up yet.\"}", 404);
    problem("PUT", "/feedbacks/" + plainFeedbackId + "/follow-up", "{\"comment\":\"   \"}", 400);
    problem("GET", "/tickets/T%205678/feedback", null, 400);
    problem("POST", "/feedbacks", "{\"rating\":4,\"source\":\"api\",\"comment\":\"" + "y".repeat(600 * 1024) + "\"}", 413);
  }

  @Test
  @Order(5)
  void usersAndFunnelOverHttp() throws Exception {
    String history = valid("GET", "/analytics/users/user@example.com?limit=1", null, 200);
    assertTrue(history.contains("\"product_feature_key\":\"export-csv\",\"interaction_count\":5"), history);
    String next = JSON.readTree(history).path("feedbacks").path("next").asText();
    valid("GET", "/analytics/users/user@example.com?limit=1&after=" + next, null, 200);
    valid("GET", "/analytics/users/Someone%2BElse@Example.com", null, 200); // an email with a +, and unseen
    String due = valid("GET", "/analytics/products/acme-app/features/export-csv/users?due=true&limit=1", null, 200);
    assertTrue(due.contains("\"user_email\":\"user@example.com\""), due);
    valid("GET", "/analytics/products/acme-app/features/dashboard/users", null, 200);
    String funnel = valid("GET", "/analytics/products/acme-app/funnel", null, 200);
    assertTrue(funnel.contains("\"users_with_interactions\":1,\"users_due_prompt\":1"), funnel);
    valid("GET", "/analytics/products/acme-app/funnel?feature_key=export-csv", null, 200);
  }

  @Test
  @Order(6)
  void usersAndFunnelErrorsAreProblemDocumentsOfTheContract() throws Exception {
    problem("GET", "/analytics/users/not-an-email", null, 400);
    problem("GET", "/analytics/users/user@example.com?limit=0", null, 400);
    problem("GET", "/analytics/users/user@example.com?after=bm90.YWN1cnNvcg", null, 400);
    problem("GET", "/analytics/products/acme-app/features/dashboard/users?due=maybe", null, 400);
    problem("GET", "/analytics/products/acme-app/features/nope/users", null, 404);
    problem("GET", "/analytics/products/nope/funnel", null, 404);
    problem("GET", "/analytics/products/acme-app/funnel?feature_key=nope", null, 404);
    problem("GET", "/analytics/products/acme-app/funnel?colour=red", null, 400);
  }

  /** A request the contract allows: both directions are checked. */
  private static String valid(String method, String pathAndQuery, String body, int status) throws Exception {
    var response = send(method, pathAndQuery, body);
    assertEquals(status, response.statusCode(), () -> method + " " + pathAndQuery + ": " + response.body());
    assertNoErrors(contract.validate(request(method, pathAndQuery, body), response(response)), method, pathAndQuery);
    return response.body();
  }

  /** A request the contract refuses: the answer must still be one the contract documents. */
  private static void problem(String method, String pathAndQuery, String body, int status) throws Exception {
    var response = send(method, pathAndQuery, body);
    assertEquals(status, response.statusCode(), () -> method + " " + pathAndQuery + ": " + response.body());
    assertEquals("application/problem+json", response.headers().firstValue("content-type").orElse(""));
    String path = BASE + pathAndQuery.split("\\?")[0];
    assertNoErrors(contract.validateResponse(path, Request.Method.valueOf(method), response(response)), method, pathAndQuery);
  }

  private static String field(String json, String name) throws Exception {
    return JSON.readTree(json).path(name).asText();
  }

  private static HttpResponse<String> send(String method, String pathAndQuery, String body) throws Exception {
    var builder = HttpRequest.newBuilder(URI.create(gateway.endpoint() + BASE + pathAndQuery))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      builder.header("Content-Type", "application/json");
    }
    var response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    assertFalse(response.headers().firstValue("x-request-id").orElse("").isEmpty(),
        () -> "no x-request-id on " + method + " " + pathAndQuery);
    return response;
  }

  private static Request request(String method, String pathAndQuery, String body) {
    String[] parts = pathAndQuery.split("\\?", 2);
    var builder = new SimpleRequest.Builder(method, BASE + parts[0]);
    if (parts.length > 1) {
      for (String pair : parts[1].split("&")) {
        String[] kv = pair.split("=", 2);
        builder.withQueryParam(kv[0], java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    if (body != null) {
      builder.withContentType("application/json").withBody(body);
    }
    return builder.build();
  }

  private static SimpleResponse response(HttpResponse<String> response) {
    return new SimpleResponse.Builder(response.statusCode())
        .withContentType(response.headers().firstValue("content-type").orElse(null))
        .withBody(response.body())
        .build();
  }

  private static void assertNoErrors(ValidationReport report, String method, String path) {
    assertFalse(report.hasErrors(), () -> method + " " + path + " breaks openapi.yaml:\n" + report.getMessages());
  }
}
