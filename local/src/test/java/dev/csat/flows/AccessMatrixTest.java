package dev.csat.flows;

import static dev.csat.testing.Events.api;
import static dev.csat.testing.Responses.expect;
import static dev.csat.testing.Responses.expectProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.csat.App;
import dev.csat.auth.Scopes;
import dev.csat.data.SqlParams;
import dev.csat.http.ApiHandler;
import dev.csat.local.gateway.FunctionSpec;
import dev.csat.local.gateway.SamTemplate;
import dev.csat.testing.Events;
import dev.csat.testing.LocalStack;
import dev.csat.testing.TestContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Access rules for every operation of openapi.yaml, generated from the document so a new
 * operation is covered the day it is added: the handler demands the operation's declared scope;
 * no credential is a 401, a credential without the scope a 403, and neither changes anything;
 * another tenant never sees or changes this tenant's objects.
 */
class AccessMatrixTest {
  private static final String TENANT = "acme";
  private static final String INBOX_FEEDBACK = "create-feedback.json";
  private static final String PROMPT_FEEDBACK = "submit-feedback.json";
  private static final List<String> STORY = List.of("create-product.json", "create-feature.json",
      "increment-interaction.json", PROMPT_FEEDBACK, INBOX_FEEDBACK);
  /** Path parameters naming an object of their own, each with this tenant's object (from the story). */
  private static final Map<String, String> OBJECTS = new HashMap<>();
  private static String storyAgentId;
  private static String storyPromptFeedbackId;

  record Operation(String id, String method, String path, String scope, ApiHandler<?, ?> handler) {
    String eventFile() {
      return id.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT) + ".json";
    }
  }

  private static List<Operation> operations;

  @BeforeAll
  static void operationsAndData() throws Exception {
    LocalStack.configureDefaultApp();
    operations = operationsOf(Events.repoRoot());
    for (String file : STORY) {
      Operation operation = operations.stream().filter(o -> o.eventFile().equals(file)).findFirst().orElseThrow();
      APIGatewayProxyResponseEvent response = operation.handler().handleRequest(api(file), TestContext.of(operation.id()));
      assertTrue(response.getStatusCode() < 300, () -> file + ": " + response.getBody());
      if (file.equals(INBOX_FEEDBACK)) {
        JsonNode feedback = expect(201, response);
        OBJECTS.put("feedback_id", feedback.path("id").asText());
        OBJECTS.put("ticket_id", feedback.path("reference").asText());
        storyAgentId = feedback.path("agent_id").asText();
      }
      if (file.equals(PROMPT_FEEDBACK)) {
        storyPromptFeedbackId = expect(201, response).path("id").asText();
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> everyOperationDemandsItsDeclaredScope() {
    return operations.stream().map(op -> DynamicTest.dynamicTest(op.id(), () -> {
      assertEquals(op.scope(), op.handler().scope(), op.id() + ": handler scope vs x-csat-scope");

      String before = databaseContents();
      var anonymous = api(op.eventFile());
      anonymous.getRequestContext().setAuthorizer(null);
      expectProblem(401, "unauthorized", op.handler().handleRequest(anonymous, TestContext.of(op.id())));

      Set<String> allButOne = new TreeSet<>(Scopes.ALL);
      allButOne.remove(op.scope());
      expectProblem(403, "forbidden", op.handler().handleRequest(withCaller(op, TENANT, allButOne), TestContext.of(op.id())));
      assertEquals(before, databaseContents(), op.id() + ": a refused call changed data");

      // Every scope but the one: refused above. Every scope: let through (some operations, like
      // granting scopes to an API key, also check scopes beyond their own).
      int status = op.handler().handleRequest(withCaller(op, TENANT, Scopes.ALL), TestContext.of(op.id())).getStatusCode();
      assertNotEquals(401, status, op.id());
      assertNotEquals(403, status, op.id());
    }));
  }

  @TestFactory
  Stream<DynamicTest> anotherTenantNeverReachesThisTenantsObjects() {
    return operations.stream().filter(op -> op.path().contains("{product_key}") || op.path().contains("{feedback_id}"))
        .map(op -> DynamicTest.dynamicTest(op.id(), () -> {
          String before = databaseContents();
          var other = onThisTenantsObjects(withCaller(op, "intruder", Scopes.ALL));
          expectProblem(404, "not_found", op.handler().handleRequest(other, TestContext.of(op.id())));
          assertEquals(before, databaseContents(), op.id() + ": another tenant changed data");
        }));
  }

  /**
   * Every read of the inbox, asked as widely as it can be (no filters, {@code {}} as the search,
   * this tenant's ticket): this tenant finds its feedback, another tenant none of it.
   */
  @TestFactory
  Stream<DynamicTest> anotherTenantSeesNoneOfThisTenantsFeedback() {
    return operations.stream()
        .filter(op -> op.scope().equals(Scopes.FEEDBACK_READ) && !op.path().contains("{feedback_id}"))
        .map(op -> DynamicTest.dynamicTest(op.id(), () -> {
          var own = op.handler().handleRequest(widest(withCaller(op, TENANT, Scopes.ALL)), TestContext.of(op.id()));
          assertEquals(200, own.getStatusCode(), () -> op.id() + ": " + own.getBody());
          assertTrue(showsTheStorysFeedback(own.getBody()), () -> op.id() + " does not show the story's feedback: "
              + own.getBody());

          String before = databaseContents();
          var other = op.handler().handleRequest(widest(withCaller(op, "intruder", Scopes.ALL)), TestContext.of(op.id()));
          assertEquals(200, other.getStatusCode(), () -> op.id() + ": " + other.getBody());
          assertFalse(showsTheStorysFeedback(other.getBody()), () -> op.id() + " shows another tenant's feedback: "
              + other.getBody());
          assertEquals(before, databaseContents(), op.id() + ": a read changed data");
        }));
  }

  /**
   * Every read about one respondent (a path naming the user), for the story's user: this tenant
   * sees their interactions and rating, another tenant none of it. A user is not an object a
   * tenant owns, so the other tenant gets an empty answer rather than a 404.
   */
  @TestFactory
  Stream<DynamicTest> anotherTenantSeesNoneOfThisTenantsRespondents() {
    return operations.stream().filter(op -> op.path().contains("{user_email}"))
        .map(op -> DynamicTest.dynamicTest(op.id(), () -> {
          var own = op.handler().handleRequest(withCaller(op, TENANT, Scopes.ALL), TestContext.of(op.id()));
          assertEquals(200, own.getStatusCode(), () -> op.id() + ": " + own.getBody());
          assertTrue(showsTheStorysRespondent(own.getBody()), () -> op.id() + " does not show the story's user: "
              + own.getBody());

          String before = databaseContents();
          var other = op.handler().handleRequest(withCaller(op, "intruder", Scopes.ALL), TestContext.of(op.id()));
          assertEquals(200, other.getStatusCode(), () -> op.id() + ": " + other.getBody());
          assertFalse(showsTheStorysRespondent(other.getBody()), () -> op.id() + " shows another tenant's user: "
              + other.getBody());
          assertEquals(before, databaseContents(), op.id() + ": a read changed data");
        }));
  }

  /** Whether a response shows the story user's rating or any of their interaction counters. */
  private static boolean showsTheStorysRespondent(String body) {
    return body.contains(storyPromptFeedbackId) || body.contains("\"interaction_count\":");
  }

  /** The request without filters: no query parameters, and {@code {}} as a body. */
  private static APIGatewayProxyRequestEvent widest(APIGatewayProxyRequestEvent event) {
    event.setQueryStringParameters(null);
    event.setMultiValueQueryStringParameters(null);
    if (event.getBody() != null) {
      event.setBody("{}");
    }
    return onThisTenantsObjects(event);
  }

  /** The event with its path parameters naming this tenant's objects of the story (the files name fixed ones). */
  private static APIGatewayProxyRequestEvent onThisTenantsObjects(APIGatewayProxyRequestEvent event) {
    if (event.getPathParameters() == null) {
      return event;
    }
    Map<String, String> parameters = new HashMap<>(event.getPathParameters());
    parameters.replaceAll((name, value) -> OBJECTS.getOrDefault(name, value));
    String path = event.getResource();
    for (var parameter : parameters.entrySet()) {
      path = path.replace("{" + parameter.getKey() + "}", parameter.getValue());
    }
    event.setPathParameters(parameters);
    event.setPath(path);
    event.getRequestContext().setPath("/" + event.getRequestContext().getStage() + path);
    return event;
  }

  /** Whether a response (JSON, CSV or NDJSON) shows the story's feedback, its agent, or counts it. */
  private static boolean showsTheStorysFeedback(String body) {
    return body.contains(OBJECTS.get("feedback_id"))
        || body.contains("\"agent_id\":\"" + storyAgentId + "\"")
        || body.matches("(?s).*\"count\":[1-9].*");
  }

  private static APIGatewayProxyRequestEvent withCaller(Operation op, String tenant, Set<String> scopes) {
    var event = api(op.eventFile());
    Map<String, Object> authorizer = new HashMap<>();
    authorizer.put("tenant", tenant);
    authorizer.put("principal", "matrix");
    authorizer.put("scopes", String.join(" ", scopes));
    event.getRequestContext().setAuthorizer(authorizer);
    return event;
  }

  /** Every row the service keeps, as text: equal snapshots mean nothing was written. */
  private static String databaseContents() {
    StringBuilder all = new StringBuilder();
    for (String table : List.of("products", "features", "feature_interactions", "feedbacks", "agents")) {
      App.get().dataApi().query("SELECT row_to_json(t)::text AS row FROM " + table + " t ORDER BY 1", SqlParams.of())
          .forEach(row -> all.append(table).append(':').append(row.text("row")).append('\n'));
    }
    return all.toString();
  }

  @SuppressWarnings("unchecked")
  private static List<Operation> operationsOf(java.nio.file.Path root) throws Exception {
    Map<String, Object> openapi = new Yaml(new LoaderOptions()).load(
        java.nio.file.Files.readString(root.resolve("openapi.yaml")));
    Map<String, String> handlers = new HashMap<>();
    for (FunctionSpec function : SamTemplate.load(root.resolve("template.yaml")).functions()) {
      handlers.put(function.logicalId(), function.handlerClass());
    }
    List<Operation> operations = new ArrayList<>();
    var paths = (Map<String, Map<String, Object>>) openapi.get("paths");
    paths.forEach((path, methods) -> methods.forEach((method, value) -> {
      if (!(value instanceof Map<?, ?> operation) || !operation.containsKey("operationId")) {
        return;
      }
      String id = (String) operation.get("operationId");
      String handlerClass = handlers.get(Character.toUpperCase(id.charAt(0)) + id.substring(1) + "Function");
      try {
        var handler = (ApiHandler<?, ?>) Class.forName(handlerClass).getConstructor().newInstance();
        operations.add(new Operation(id, method, path, (String) operation.get("x-csat-scope"), handler));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(id + ": " + handlerClass, e);
      }
    }));
    return operations;
  }
}
