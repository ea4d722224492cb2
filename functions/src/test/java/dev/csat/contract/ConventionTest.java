package dev.csat.contract;

import static dev.csat.contract.Yamls.map;
import static dev.csat.contract.Yamls.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.csat.contract.OpenApiDocument.Operation;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One name per operation, in every place that carries it, and nothing left over on either side:
 * operationId {@code incrementInteraction} in openapi.yaml ↔ IncrementInteractionFunction in
 * template.yaml (same path and method) ↔ IncrementInteractionHandler ↔
 * events/increment-interaction.json; plus the scope each operation declares and the integration
 * that sends it to its own function.
 */
class ConventionTest {
  /** The scopes of SPEC §4; an operation declares the one its caller needs. */
  private static final Set<String> SCOPES = Set.of("interactions:write", "feedback:read", "feedback:write",
      "feedback:comment", "analytics:read", "catalog:write", "surveys:write", "config:read", "config:write",
      "webhooks:manage", "keys:manage", "data:erase");

  /** The packages whose *Handler classes are API operations. */
  private static final List<String> HANDLER_PACKAGES = List.of("dev.csat.catalog", "dev.csat.interactions",
      "dev.csat.apikeys", "dev.csat.feedback", "dev.csat.analytics", "dev.csat.engagement");

  /** Seed 000's routes are a wire contract with existing clients: exactly these paths. */
  private static final Map<String, String> SEED_ROUTES = Map.of(
      "listFeatureInteractions", "GET /api/csat/v1/products/{product_key}/feature-interactions",
      "incrementInteraction", "POST /api/csat/v1/products/{product_key}/features/{feature_key}/increment",
      "rejectPrompt", "POST /api/csat/v1/products/{product_key}/features/{feature_key}/reject",
      "submitFeedback", "POST /api/csat/v1/products/{product_key}/features/{feature_key}/feedbacks");

  /** Events of the functions that are not API operations: the migration and the scheduled rollup. */
  private static final String MIGRATION_EVENT = "migrate-database.json";
  private static final Set<String> NON_API_EVENTS = Set.of(MIGRATION_EVENT, "roll-up-analytics.json");
  private static final Pattern EVENT_FILE =
      Pattern.compile("([a-z0-9]+(?:-[a-z0-9]+)*)(?:\\.([a-z0-9]+(?:-[a-z0-9]+)*))?\\.json");
  private static final Pattern INTEGRATION_URI = Pattern.compile(
      "arn:\\$\\{AWS::Partition}:apigateway:\\$\\{AWS::Region}:lambda:path/2015-03-31/functions/"
          + "\\$\\{([A-Za-z0-9]+)\\.Arn}:([A-Za-z0-9_-]+)/invocations");
  private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

  private final Path root = RepoRoot.get();
  private final SamTemplate template = SamTemplate.load(root);
  private final OpenApiDocument openApi = OpenApiDocument.load(root);
  private final List<Operation> operations = openApi.operations();

  @Test
  void operationsHaveUniqueIdsSummariesTagsAndValidators() {
    assertFalse(operations.isEmpty(), "openapi.yaml declares no operations");
    Set<String> validators = map(openApi.root().get("x-amazon-apigateway-request-validators")).keySet();
    Map<String, Operation> byId = new HashMap<>();
    List<String> problems = new ArrayList<>();
    for (Operation operation : operations) {
      if (operation.id() == null || !operation.id().matches("[a-z][A-Za-z0-9]*")) {
        problems.add(operation + ": operationId must be lowerCamelCase");
      } else if (byId.put(operation.id(), operation) != null) {
        problems.add(operation + ": operationId also used by " + byId.get(operation.id()));
      }
      if (string(operation.node().get("summary")) == null) {
        problems.add(operation + ": no summary");
      }
      if (Yamls.list(operation.node().get("tags")).isEmpty()) {
        problems.add(operation + ": no tags");
      }
      String validator = string(operation.node().get("x-amazon-apigateway-request-validator"));
      if (!validators.contains(validator)) {
        problems.add(operation + ": x-amazon-apigateway-request-validator " + validator
            + " is not one of x-amazon-apigateway-request-validators " + validators);
      }
    }
    assertNoProblems(problems, "operations");
  }

  @Test
  void everyOperationHasAFunctionWithTheSameRoute() {
    String api = includingApi();
    List<String> problems = new ArrayList<>();
    for (Operation operation : operations) {
      String function = operation.functionName();
      if (!template.functions().containsKey(function)) {
        problems.add(operation + ": template.yaml has no AWS::Serverless::Function " + function);
        continue;
      }
      List<SamTemplate.ApiEvent> events = template.apiEvents(function);
      if (events.size() != 1) {
        problems.add(operation + ": " + function + " must have exactly one Api event, has " + events.size());
        continue;
      }
      SamTemplate.ApiEvent event = events.getFirst();
      if (!operation.path().equals(event.path())) {
        problems.add(operation + ": " + function + "'s Api event path is " + event.path());
      }
      if (!operation.method().equalsIgnoreCase(Objects.toString(event.method()))) {
        problems.add(operation + ": " + function + "'s Api event method is " + event.method());
      }
      if (!Objects.equals(api, event.restApi())) {
        problems.add(operation + ": " + function + "'s Api event must have RestApiId !Ref " + api
            + ", has " + event.restApi());
      }
    }
    assertNoProblems(problems, "operations without their function");
  }

  @Test
  void everyOperationHasAHandlerNamedAfterIt() {
    List<String> problems = new ArrayList<>();
    for (Operation operation : operations) {
      Map<String, Object> function = template.properties(operation.functionName());
      String handler = string(function.get("Handler"));
      if (function.isEmpty()) {
        continue; // reported by everyOperationHasAFunctionWithTheSameRoute
      }
      String expected = "." + operation.handlerName() + "::handleRequest";
      if (handler == null || !handler.endsWith(expected)) {
        problems.add(operation + ": " + operation.functionName() + ".Handler must be <package>" + expected
            + ", is " + handler);
      }
    }
    assertNoProblems(problems, "operations without their handler");
  }

  @Test
  void everyOperationHasAnEventFileForItsRoute() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Operation operation : operations) {
      Path file = root.resolve("events").resolve(operation.kebabId() + ".json");
      if (!Files.isRegularFile(file)) {
        problems.add(operation + ": no event file events/" + file.getFileName());
      } else {
        problems.addAll(checkEvent(file, operation));
      }
    }
    assertNoProblems(problems, "operations without their event");
  }

  @Test
  void everyOperationDeclaresAScopeOfTheSpecification() {
    List<String> problems = new ArrayList<>();
    for (Operation operation : operations) {
      if (!SCOPES.contains(operation.scope())) {
        problems.add(operation + ": x-csat-scope " + operation.scope() + " is not one of " + new TreeSet<>(SCOPES));
      }
    }
    assertNoProblems(problems, "operations without a known scope");
  }

  /** A problem's example belongs under its own status: an example of a 403 under the 429 misleads. */
  @Test
  void everyProblemExampleHasTheStatusOfItsResponse() {
    List<String> problems = new ArrayList<>();
    for (Operation operation : operations) {
      if (!(operation.node().get("responses") instanceof Map<?, ?> responses)) {
        continue;
      }
      responses.forEach((status, response) -> {
        Object example = response instanceof Map<?, ?> r && r.get("content") instanceof Map<?, ?> content
            && content.get("application/problem+json") instanceof Map<?, ?> media ? media.get("example") : null;
        if (example instanceof Map<?, ?> problem && !String.valueOf(problem.get("status")).equals(String.valueOf(status))) {
          problems.add(operation + ": the example under " + status + " has status " + problem.get("status"));
        }
      });
    }
    assertNoProblems(problems, "problem examples under another status");
  }

  /**
   * API Gateway applies a security requirement per method (not the document's top-level one), so
   * each operation states it: the authorizer and a usage plan key, which the authorizer supplies.
   * Without the key requirement, the usage plans would meter nothing.
   */
  @Test
  void everyOperationRequiresTheAuthorizerAndAUsagePlanKey() {
    Object expected = List.of(Map.of("csatAuthorizer", List.of(), "usagePlanKey", List.of()));
    List<String> problems = new ArrayList<>();
    for (Operation operation : operations) {
      if (!expected.equals(operation.node().get("security"))) {
        problems.add(operation + ": security must be " + expected + ", is " + operation.node().get("security"));
      }
    }
    if (!"AUTHORIZER".equals(openApi.root().get("x-amazon-apigateway-api-key-source"))) {
      problems.add("x-amazon-apigateway-api-key-source must be AUTHORIZER: the usage plan key comes from the authorizer");
    }
    assertNoProblems(problems, "operations without the authorizer and a usage plan key");
  }

  @Test
  void everyOperationIntegratesWithItsOwnFunctionsLiveAlias() {
    String alias = string(template.functionGlobals().get("AutoPublishAlias"));
    List<String> problems = new ArrayList<>();
    for (Operation operation : operations) {
      Map<String, Object> integration = operation.integration();
      if (!"aws_proxy".equals(integration.get("type")) || !"POST".equals(integration.get("httpMethod"))) {
        problems.add(operation + ": x-amazon-apigateway-integration must be type aws_proxy with httpMethod POST");
      }
      String uri = string(map(integration.get("uri")).get("Fn::Sub"));
      Matcher matcher = uri == null ? null : INTEGRATION_URI.matcher(uri);
      if (matcher == null || !matcher.matches()) {
        problems.add(operation + ": integration uri must be Fn::Sub arn:${AWS::Partition}:apigateway:${AWS::Region}"
            + ":lambda:path/2015-03-31/functions/${<Function>.Arn}:<alias>/invocations, is " + integration.get("uri"));
        continue;
      }
      if (!matcher.group(1).equals(operation.functionName())) {
        problems.add(operation + ": integration invokes " + matcher.group(1) + ", not " + operation.functionName());
      }
      if (!matcher.group(2).equals(alias)) {
        problems.add(operation + ": integration invokes alias " + matcher.group(2)
            + ", but functions publish alias " + alias + " (Globals.Function.AutoPublishAlias)");
      }
    }
    assertNoProblems(problems, "integrations");
  }

  @Test
  void seedRoutesAreServedExactlyAsTheOriginalService() {
    Map<String, String> routes = new HashMap<>();
    operations.forEach(operation -> routes.put(operation.id(), operation.route()));
    List<String> problems = new ArrayList<>();
    SEED_ROUTES.forEach((id, route) -> {
      if (!route.equals(routes.get(id))) {
        problems.add(id + " must be " + route + " (seed 000), is " + routes.get(id));
      }
    });
    assertNoProblems(problems, "seed 000 routes");
  }

  @Test
  void everyApiFunctionHasAnOperation() {
    Map<String, Operation> byRoute = new HashMap<>();
    operations.forEach(operation -> byRoute.put(operation.route(), operation));
    List<String> problems = new ArrayList<>();
    for (SamTemplate.ApiEvent event : template.allApiEvents()) {
      Operation operation = byRoute.get(event.method() == null ? "" : event.route());
      if (operation == null) {
        problems.add(event.function() + ": Api event " + event.name() + " (" + event.route()
            + ") has no operation in openapi.yaml");
      } else if (!operation.functionName().equals(event.function())) {
        problems.add(event.function() + ": serves " + event.route() + ", which is operation " + operation.id()
            + " and so belongs to " + operation.functionName());
      }
    }
    assertNoProblems(problems, "functions without an operation");
  }

  @Test
  void everyEventFileBelongsToAnOperation() throws IOException {
    Map<String, Operation> byKebabId = new HashMap<>();
    operations.forEach(operation -> byKebabId.put(operation.kebabId(), operation));
    List<String> problems = new ArrayList<>();
    try (Stream<Path> files = Files.list(root.resolve("events"))) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (NON_API_EVENTS.contains(name)) {
          continue;
        }
        Matcher matcher = EVENT_FILE.matcher(name);
        Operation operation = matcher.matches() ? byKebabId.get(matcher.group(1)) : null;
        if (operation == null) {
          problems.add("events/" + name + " is not named <operation>.json or <operation>.<case>.json after an"
              + " operation of openapi.yaml " + new TreeSet<>(byKebabId.keySet()));
        } else {
          problems.addAll(checkEvent(file, operation));
        }
      }
    }
    assertNoProblems(problems, "event files without an operation");
  }

  @Test
  void everyHandlerClassHasAnOperation() throws IOException {
    Map<String, Operation> byHandler = new HashMap<>();
    operations.forEach(operation -> byHandler.put(operation.handlerName(), operation));
    List<String> problems = new ArrayList<>();
    for (String className : handlerClasses()) {
      String simpleName = className.substring(className.lastIndexOf('.') + 1);
      Operation operation = byHandler.get(simpleName);
      if (operation == null) {
        problems.add(className + " has no operation " + Character.toLowerCase(simpleName.charAt(0))
            + simpleName.substring(1, simpleName.length() - "Handler".length()) + " in openapi.yaml");
        continue;
      }
      String handler = string(template.properties(operation.functionName()).get("Handler"));
      if (!(className + "::handleRequest").equals(handler)) {
        problems.add(className + " is operation " + operation.id() + ", but " + operation.functionName()
            + ".Handler is " + handler);
      }
    }
    assertNoProblems(problems, "handler classes without an operation");
  }

  @Test
  void migrationEventIsACreateOfTheTemplatesCustomResource() {
    Path file = root.resolve("events").resolve(MIGRATION_EVENT);
    CloudFormationCustomResourceEvent event = EventLoader.loadCloudFormationCustomResourceEvent(file.toString());
    Map.Entry<String, Map<String, Object>> resource = template.resourcesOfType("Custom::DatabaseMigrations")
        .entrySet().stream().findFirst().orElseThrow(() -> new AssertionError("no Custom::DatabaseMigrations"));
    assertEquals("Create", event.getRequestType(), MIGRATION_EVENT + " RequestType");
    assertEquals("Custom::DatabaseMigrations", event.getResourceType(), MIGRATION_EVENT + " ResourceType");
    assertEquals(resource.getKey(), event.getLogicalResourceId(), MIGRATION_EVENT + " LogicalResourceId");
    assertFalse(event.getResponseUrl() == null || event.getResponseUrl().isBlank(), MIGRATION_EVENT + " ResponseURL");
    assertEquals(map(resource.getValue().get("Properties")).keySet(), event.getResourceProperties().keySet(),
        MIGRATION_EVENT + " ResourceProperties are those of " + resource.getKey());
  }

  /** The API whose definition is openapi.yaml: the one every function's Api event must name. */
  private String includingApi() {
    return template.includes().entrySet().stream()
        .filter(include -> include.getValue().equals("openapi.yaml"))
        .map(include -> include.getKey().split("\\.")[1])
        .findFirst().orElseThrow(() -> new AssertionError("no resource of template.yaml includes openapi.yaml"));
  }

  /** An event file is what API Gateway sends for the operation's route. */
  private List<String> checkEvent(Path file, Operation operation) {
    String name = "events/" + file.getFileName();
    List<String> problems = new ArrayList<>();
    APIGatewayProxyRequestEvent event;
    try {
      event = EventLoader.loadApiGatewayRestEvent(file.toString());
    } catch (RuntimeException e) {
      return List.of(name + " is not an API Gateway REST proxy event: " + e.getMessage());
    }
    String method = operation.method().toUpperCase(Locale.ROOT);
    if (!method.equals(event.getHttpMethod())) {
      problems.add(name + ": httpMethod " + event.getHttpMethod() + ", but " + operation + " is " + method);
    }
    if (!operation.path().equals(event.getResource())) {
      problems.add(name + ": resource " + event.getResource() + ", but " + operation + " is " + operation.path());
    }
    var context = event.getRequestContext();
    if (context == null || context.getRequestId() == null || context.getStage() == null) {
      problems.add(name + ": requestContext needs requestId and stage");
      return problems;
    }
    if (!operation.path().equals(context.getResourcePath()) || !method.equals(context.getHttpMethod())) {
      problems.add(name + ": requestContext has " + context.getHttpMethod() + " " + context.getResourcePath()
          + ", but " + operation + " is " + method + " " + operation.path());
    }
    Map<String, String> parameters = event.getPathParameters() == null ? Map.of() : event.getPathParameters();
    Set<String> placeholders = new TreeSet<>();
    PATH_PARAMETER.matcher(operation.path()).results().forEach(result -> placeholders.add(result.group(1)));
    if (!placeholders.equals(new TreeSet<>(parameters.keySet()))) {
      problems.add(name + ": pathParameters " + parameters.keySet() + ", but the route has " + placeholders);
    }
    String path = operation.path();
    for (Map.Entry<String, String> parameter : parameters.entrySet()) {
      path = path.replace("{" + parameter.getKey() + "}", parameter.getValue());
    }
    if (!path.equals(event.getPath())) {
      problems.add(name + ": path " + event.getPath() + ", but resource and pathParameters make " + path);
    }
    if (!("/" + context.getStage() + path).equals(context.getPath())) {
      problems.add(name + ": requestContext.path " + context.getPath() + " must be /<stage>" + path);
    }
    return problems;
  }

  /**
   * Top-level *Handler classes of the handler packages. Read from the sources, not target/classes,
   * where a renamed handler's old class file would linger until the next clean.
   */
  private Set<String> handlerClasses() throws IOException {
    Path sources = root.resolve("functions/src/main/java");
    Pattern handlerFile = Pattern.compile("([A-Za-z0-9_]+Handler)\\.java");
    Set<String> handlers = new TreeSet<>();
    for (String packageName : HANDLER_PACKAGES) {
      Path packageDir = sources.resolve(packageName.replace('.', '/'));
      if (!Files.isDirectory(packageDir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(packageDir)) {
        for (Path file : files.sorted().toList()) {
          Matcher matcher = handlerFile.matcher(file.getFileName().toString());
          if (matcher.matches()) {
            String packagePath = sources.relativize(file.getParent()).toString();
            String className = packagePath.replace(file.getFileSystem().getSeparator(), ".") + "." + matcher.group(1);
            if (!isAbstractOrInterface(className, file)) {
              handlers.add(className);
            }
          }
        }
      }
    }
    return handlers;
  }

  /** Base classes and interfaces named *Handler are not operations. */
  private boolean isAbstractOrInterface(String className, Path file) throws IOException {
    try {
      Class<?> type = Class.forName(className, false, getClass().getClassLoader());
      return type.isInterface() || Modifier.isAbstract(type.getModifiers());
    } catch (ClassNotFoundException | LinkageError e) {
      String simpleName = className.substring(className.lastIndexOf('.') + 1);
      String source = Files.readString(file);
      return Pattern.compile("(abstract\\s+(\\w+\\s+)*class|interface)\\s+" + simpleName + "\\b").matcher(source).find();
    }
  }

  private static void assertNoProblems(List<String> problems, String what) {
    if (!problems.isEmpty()) {
      fail(problems.size() + " " + what + ":\n  " + String.join("\n  ", problems));
    }
  }
}
