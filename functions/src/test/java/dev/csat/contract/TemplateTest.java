package dev.csat.contract;

import static dev.csat.contract.Yamls.list;
import static dev.csat.contract.Yamls.map;
import static dev.csat.contract.Yamls.ref;
import static dev.csat.contract.Yamls.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * template.yaml holds together before CloudFormation ever sees it: every reference resolves (in
 * the template and in openapi.yaml, which it includes), every handler is a RequestHandler on the
 * class path, and what functions share is said once, in Globals. cfn-lint is not available here;
 * these are the mistakes that would otherwise surface only as a failed deploy.
 */
class TemplateTest {
  private static final Set<String> PSEUDO_PARAMETERS = Set.of("AWS::AccountId", "AWS::NotificationARNs",
      "AWS::NoValue", "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");

  /** Fn::GetAtt attributes of the resource types we use; types not listed here are not checked. */
  private static final Map<String, Set<String>> ATTRIBUTES = Map.of(
      "AWS::Serverless::Function", Set.of("Arn", "SnapStartResponse.ApplyOn", "SnapStartResponse.OptimizationStatus"),
      "AWS::Serverless::Api", Set.of("RootResourceId"),
      "AWS::RDS::DBCluster", Set.of("DBClusterArn", "DBClusterResourceId", "Endpoint.Address", "Endpoint.Port",
          "ReadEndpoint.Address", "MasterUserSecret.SecretArn", "StorageThroughput"),
      "AWS::RDS::DBInstance", Set.of("DBInstanceArn", "DbiResourceId", "Endpoint.Address", "Endpoint.Port",
          "Endpoint.HostedZoneId"),
      "AWS::IAM::Role", Set.of("Arn", "RoleId"),
      "AWS::IAM::ManagedPolicy", Set.of("PolicyArn", "PolicyId", "DefaultVersionId", "AttachmentCount",
          "CreateDate", "UpdateDate", "IsAttachable", "PermissionsBoundaryUsageCount"),
      "AWS::Logs::LogGroup", Set.of("Arn"),
      "AWS::EC2::SecurityGroup", Set.of("GroupId", "VpcId"),
      "AWS::Lambda::Alias", Set.of("AliasArn"));

  private static final Set<String> DATA_API_ACTIONS = Set.of("rds-data:ExecuteStatement",
      "rds-data:BatchExecuteStatement", "rds-data:BeginTransaction", "rds-data:CommitTransaction",
      "rds-data:RollbackTransaction");
  private static final String SECRET_ACTION = "secretsmanager:GetSecretValue";
  private static final String API_GATEWAY_ACTIONS = "apigateway:";

  /** What a function may state itself; everything else it shares through Globals. */
  // Timeout and SnapStart: overrides for the migration function, which API Gateway never calls.
  private static final Set<String> FUNCTION_PROPERTIES =
      Set.of("Handler", "Policies", "Events", "Timeout", "SnapStart");

  private static final String BASE_PATH = "/api/csat/v1";
  private static final Pattern SHORT_FORM_TAG = Pattern.compile(
      "(^|\\s)!(Ref|Sub|GetAtt|If|Equals|Not|And|Or|Join|Select|Split|FindInMap|Base64|ImportValue|GetAZs|Cidr"
          + "|Transform|Condition|Length|ToJsonString)\\b");

  private final Path root = RepoRoot.get();
  private final SamTemplate template = SamTemplate.load(root);

  /**
   * The usage plans: the functions find the API keys' plan by the name they are given, and the
   * authorizer names the callers' key by the value it is given, so each pair must be the same
   * expression. Both plans must cover the API's stage, or its keys would be refused.
   */
  @Test
  void theUsagePlansAreWhereTheFunctionsLookForThem() {
    Map<?, ?> environment = (Map<?, ?>) ((Map<?, ?>) template.functionGlobals().get("Environment")).get("Variables");
    assertEquals(template.properties("CallerUsageKey").get("Value"), environment.get("CSAT_CALLER_USAGE_KEY"),
        "CSAT_CALLER_USAGE_KEY vs CallerUsageKey's Value");
    assertEquals(template.properties("ApiKeyUsagePlan").get("UsagePlanName"), environment.get("CSAT_API_KEY_USAGE_PLAN"),
        "CSAT_API_KEY_USAGE_PLAN vs ApiKeyUsagePlan's UsagePlanName");
    for (String plan : List.of("ApiKeyUsagePlan", "CallerUsagePlan")) {
      assertEquals(List.of(Map.of("ApiId", Map.of("Ref", "CsatApi"), "Stage", Map.of("Ref", "CsatApi.Stage"))),
          template.properties(plan).get("ApiStages"), plan + " ApiStages");
    }
    assertEquals(Map.of("Ref", "CallerUsagePlan"), template.properties("CallerUsagePlanKey").get("UsagePlanId"));
    assertEquals(Map.of("Ref", "CallerUsageKey"), template.properties("CallerUsagePlanKey").get("KeyId"));
  }

  @Test
  void parsesAsASamTemplate() {
    assertEquals("AWS::Serverless-2016-10-31", template.root().get("Transform"), "template.yaml Transform");
    assertFalse(template.functions().isEmpty(), "template.yaml declares no AWS::Serverless::Function");
  }

  @Test
  void everyReferenceInTheTemplateResolves() {
    References references = new References(template);
    references.checkDocument(template.root(), "template.yaml");
    assertNoProblems(references.problems, "unresolved references in template.yaml");
  }

  @Test
  void everyReferenceInIncludedDocumentsResolvesAgainstTheTemplate() {
    Map<String, String> includes = template.includes();
    assertTrue(includes.containsValue("openapi.yaml"), "template.yaml does not include openapi.yaml: " + includes);
    References references = new References(template);
    includes.forEach((at, location) -> {
      Path included = root.resolve(location);
      if (!Files.isRegularFile(included)) {
        references.problems.add(at + ": included file " + location + " does not exist");
      } else {
        references.checkDocument(CfnYaml.load(included), location);
      }
    });
    assertNoProblems(references.problems, "unresolved references in files included by template.yaml");
  }

  @TestFactory
  Stream<DynamicTest> everyHandlerIsAPublicRequestHandlerOnTheClassPath() {
    return template.functions().keySet().stream().map(function -> dynamicTest(function, () -> {
      String handler = string(template.effective(function, "Handler").orElse(null));
      if (handler == null || !handler.contains("::")) {
        fail(function + ": Handler must be <class>::<method>, is " + handler);
      }
      String className = handler.substring(0, handler.indexOf("::"));
      String method = handler.substring(handler.indexOf("::") + 2);
      Class<?> type;
      try {
        // Not initialised: a handler's static state (clients, configuration) is not the point here.
        type = Class.forName(className, false, getClass().getClassLoader());
      } catch (ClassNotFoundException e) {
        fail(function + ": handler class " + className + " is not on the class path");
        return;
      }
      assertTrue(RequestHandler.class.isAssignableFrom(type),
          function + ": " + className + " does not implement " + RequestHandler.class.getName());
      assertFalse(Modifier.isAbstract(type.getModifiers()), function + ": " + className + " is abstract");
      assertTrue(Modifier.isPublic(type.getModifiers()), function + ": " + className + " is not public");
      assertTrue(Arrays.stream(type.getConstructors()).anyMatch(c -> c.getParameterCount() == 0),
          function + ": " + className + " has no public no-argument constructor for the Lambda runtime");
      assertTrue(Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals(method) && m.getParameterCount() == 2),
          function + ": " + className + " has no public " + method + "(input, Context)");
    }));
  }

  @Test
  void functionsTakeRuntimeAndCodeFromGlobals() throws IOException {
    Map<String, Object> globals = template.functionGlobals();
    assertEquals("java21", globals.get("Runtime"), "Globals.Function.Runtime");
    String codeUri = string(globals.get("CodeUri"));
    assertTrue(codeUri != null && Files.isDirectory(root.resolve(codeUri)),
        "Globals.Function.CodeUri must be a folder of the repository, is " + globals.get("CodeUri"));

    List<String> problems = new ArrayList<>();
    for (String function : template.functions().keySet()) {
      Map<String, Object> properties = template.properties(function);
      for (String shared : List.of("Runtime", "CodeUri")) {
        if (properties.containsKey(shared)) {
          problems.add(function + " repeats " + shared + "; it belongs in Globals.Function only");
        }
        if (template.effective(function, shared).isEmpty()) {
          problems.add(function + " has no " + shared + ", neither its own nor from Globals");
        }
      }
      Map<String, Object> metadata = map(template.resources().get(function).get("Metadata"));
      if ("makefile".equals(metadata.get("BuildMethod"))) {
        Path makefile = root.resolve(string(template.effective(function, "CodeUri").orElse("."))).resolve("Makefile");
        String text = Files.isRegularFile(makefile) ? Files.readString(makefile) : "";
        if (!text.contains("build-%:") && !text.contains("build-" + function + ":")) {
          problems.add(function + " is built by make, but " + root.relativize(makefile) + " has no build-"
              + function + " (or build-%) target");
        }
      }
    }
    assertNoProblems(problems, "functions and Globals");
  }

  @Test
  void functionsStateOnlyTheirHandlerPoliciesAndRoute() {
    Set<String> managedPolicies = template.resourcesOfType("AWS::IAM::ManagedPolicy").keySet();
    List<String> problems = new ArrayList<>();
    template.functions().forEach((function, resource) -> {
      Map<String, Object> properties = template.properties(function);
      Set<String> extra = new HashSet<>(properties.keySet());
      extra.removeAll(FUNCTION_PROPERTIES);
      if (!extra.isEmpty()) {
        problems.add(function + " sets " + extra + "; shared settings belong in Globals.Function");
      }
      if (!properties.containsKey("Handler")) {
        problems.add(function + " has no Handler of its own");
      }
      List<Object> policies = list(properties.get("Policies"));
      if (policies.isEmpty()) {
        problems.add(function + " has no Policies");
      }
      for (Object policy : policies) {
        if (!managedPolicies.contains(ref(policy))) {
          problems.add(function + ": policy " + policy + " is not a Ref to a managed policy of this template");
        }
      }
    });
    assertNoProblems(problems, "function properties");
  }

  @Test
  void globalsConfigureEveryFunctionAlike() {
    Map<String, Object> globals = template.functionGlobals();
    assertEquals(1024, globals.get("MemorySize"), "Globals.Function.MemorySize");
    assertEquals(29, globals.get("Timeout"), "Globals.Function.Timeout (API Gateway's integration limit)");
    assertEquals("live", globals.get("AutoPublishAlias"), "Globals.Function.AutoPublishAlias");
    assertEquals("PublishedVersions", map(globals, "SnapStart").get("ApplyOn"), "Globals.Function.SnapStart.ApplyOn");
    assertEquals("Active", globals.get("Tracing"), "Globals.Function.Tracing");
    assertEquals("JSON", map(globals, "LoggingConfig").get("LogFormat"), "Globals.Function.LoggingConfig.LogFormat");
    assertEquals(1, list(globals.get("Architectures")).size(), "Globals.Function.Architectures: exactly one");
    assertFalse(globals.containsKey("VpcConfig"), "the functions reach the database through the Data API: no VPC");

    Map<String, Object> variables = map(globals, "Environment", "Variables");
    assertEquals("-XX:+TieredCompilation -XX:TieredStopAtLevel=1", variables.get("JAVA_TOOL_OPTIONS"), "JAVA_TOOL_OPTIONS");
    assertEquals("csat", variables.get("POWERTOOLS_SERVICE_NAME"), "POWERTOOLS_SERVICE_NAME");
    assertEquals("Csat", variables.get("POWERTOOLS_METRICS_NAMESPACE"), "POWERTOOLS_METRICS_NAMESPACE");
    for (String name : List.of("POWERTOOLS_LOG_LEVEL", "CSAT_DB_CLUSTER_ARN", "CSAT_DB_SECRET_ARN", "CSAT_DB_NAME",
        "CSAT_JWT_KEYS_SECRET_ARN")) {
      assertTrue(variables.get(name) != null, "Globals.Function.Environment.Variables has no " + name);
    }
    assertFalse(variables.containsKey("CSAT_DEFAULT_TENANT"), "tenants come from credentials, never from configuration");
    template.functions().keySet().forEach(function -> assertFalse(template.properties(function).containsKey("VpcConfig"),
        function + " is in a VPC; the Data API needs none"));
  }

  /**
   * Only the functions that create and revoke API keys reach API Gateway's control plane, and
   * whatever they create or delete must carry this stack's tag: the revoke function can delete no
   * other stack's (or anybody's) API Gateway keys.
   */
  @Test
  void apiGatewayAccessIsTheApiKeysMetersOnly() {
    Map<String, String> allowed = Map.of(
        "CreateApiKeyFunction", "ApiKeyMetersCreatePolicy", "RevokeApiKeyFunction", "ApiKeyMetersDeletePolicy");
    Object stackTag = Map.of("Ref", "AWS::StackName");
    List<String> problems = new ArrayList<>();
    for (String function : template.functions().keySet()) {
      for (Object reference : list(template.properties(function).get("Policies"))) {
        String policy = ref(reference);
        for (Object node : list(map(template.properties(policy), "PolicyDocument").get("Statement"))) {
          Map<String, Object> statement = map(node);
          for (Object action : asList(statement.get("Action"))) {
            String name = string(action);
            if (!name.startsWith(API_GATEWAY_ACTIONS)) {
              continue;
            }
            if (!policy.equals(allowed.get(function))) {
              problems.add(function + " may call " + name + " through " + policy);
            }
            Object condition = statement.get("Condition");
            boolean tagged = Map.of("StringEquals", Map.of("aws:ResourceTag/csat:stack", stackTag)).equals(condition)
                || Map.of("StringEquals", Map.of("aws:RequestTag/csat:stack", stackTag)).equals(condition);
            boolean changesKeys = name.equals("apigateway:DELETE") || asList(statement.get("Resource")).stream()
                .anyMatch(resource -> String.valueOf(resource).endsWith("::/apikeys}"));
            if (changesKeys && !tagged) {
              problems.add(policy + ": " + name + " on " + statement.get("Resource") + " must be conditioned on the stack's tag");
            }
          }
        }
      }
    }
    assertNoProblems(problems, "API Gateway access");
  }

  @Test
  void databaseAccessIsTheDataApiOnTheClusterAndItsSecretOnly() {
    Map<String, Object> variables = map(template.functionGlobals(), "Environment", "Variables");
    Object cluster = variables.get("CSAT_DB_CLUSTER_ARN");
    Object secret = variables.get("CSAT_DB_SECRET_ARN");
    Set<String> usedPolicies = new LinkedHashSet<>();
    template.functions().keySet().forEach(function ->
        list(template.properties(function).get("Policies")).forEach(policy -> usedPolicies.add(ref(policy))));

    List<String> problems = new ArrayList<>();
    Set<String> granted = new HashSet<>();
    for (String policy : usedPolicies) {
      for (Object node : list(map(template.properties(policy), "PolicyDocument").get("Statement"))) {
        Map<String, Object> statement = map(node);
        List<Object> actions = asList(statement.get("Action"));
        List<Object> resources = asList(statement.get("Resource"));
        if (!"Allow".equals(statement.get("Effect")) || statement.containsKey("NotAction")
            || statement.containsKey("NotResource")) {
          problems.add(policy + ": statement " + statement.get("Sid") + " must be a plain Allow");
        }
        for (Object action : actions) {
          String name = string(action);
          if (name.startsWith(API_GATEWAY_ACTIONS)) {
            continue; // the API keys' meters: apiGatewayAccessIsTheApiKeysMetersOnly
          }
          granted.add(name);
          boolean dataApi = DATA_API_ACTIONS.contains(name);
          if (!dataApi && !SECRET_ACTION.equals(name)) {
            problems.add(policy + ": action " + action + " is not one of the Data API actions or " + SECRET_ACTION);
          } else if (!resources.equals(List.of(dataApi ? cluster : secret))
              // The one other secret a function may read: the authorizer's JWT key set.
              && !(!dataApi && resources.equals(List.of(Map.of("Ref", "JwtKeysSecret"))))) {
            problems.add(policy + ": " + action + " must be granted on " + (dataApi ? "the cluster" : "the secret")
                + " the functions use (" + (dataApi ? cluster : secret) + "), is on " + resources);
          }
        }
        resources.stream().filter(r -> r instanceof String s && s.contains("*"))
            .forEach(r -> problems.add(policy + ": wildcard resource " + r));
      }
    }
    Set<String> missing = new HashSet<>(DATA_API_ACTIONS);
    missing.add(SECRET_ACTION);
    missing.removeAll(granted);
    if (!missing.isEmpty()) {
      problems.add("the functions' policies do not grant " + missing);
    }
    assertNoProblems(problems, "database access policy");
  }

  @Test
  void databaseIsAuroraPostgresServerlessV2WithTheDataApi() {
    Map<String, Map<String, Object>> clusters = template.resourcesOfType("AWS::RDS::DBCluster");
    assertEquals(1, clusters.size(), "one AWS::RDS::DBCluster");
    String cluster = clusters.keySet().iterator().next();
    Map<String, Object> properties = template.properties(cluster);
    assertEquals("aurora-postgresql", properties.get("Engine"), cluster + ".Engine");
    assertEquals(Boolean.TRUE, properties.get("EnableHttpEndpoint"), cluster + ".EnableHttpEndpoint (the Data API)");
    assertEquals(Boolean.TRUE, properties.get("ManageMasterUserPassword"), cluster + ".ManageMasterUserPassword");
    Object version = properties.get("EngineVersion");
    String engineVersion = ref(version) != null
        ? String.valueOf(map(template.section("Parameters"), ref(version)).get("Default"))
        : String.valueOf(version);
    assertTrue(engineVersion.startsWith("16."), cluster + ".EngineVersion must be 16.x, is " + engineVersion);
    Map<String, Object> scaling = map(properties, "ServerlessV2ScalingConfiguration");
    assertTrue(scaling.containsKey("MinCapacity") && scaling.containsKey("MaxCapacity"),
        cluster + ".ServerlessV2ScalingConfiguration needs MinCapacity and MaxCapacity");

    Map<String, Map<String, Object>> writers = template.resourcesOfType("AWS::RDS::DBInstance");
    assertEquals(1, writers.size(), "one AWS::RDS::DBInstance (the writer)");
    String writer = writers.keySet().iterator().next();
    assertEquals("db.serverless", template.properties(writer).get("DBInstanceClass"), writer + ".DBInstanceClass");
    assertEquals(cluster, ref(template.properties(writer).get("DBClusterIdentifier")), writer + ".DBClusterIdentifier");

    Map<String, Object> variables = map(template.functionGlobals(), "Environment", "Variables");
    assertEquals(Map.of("Fn::GetAtt", List.of(cluster, "DBClusterArn")), variables.get("CSAT_DB_CLUSTER_ARN"),
        "CSAT_DB_CLUSTER_ARN");
    assertEquals(Map.of("Fn::GetAtt", List.of(cluster, "MasterUserSecret.SecretArn")), variables.get("CSAT_DB_SECRET_ARN"),
        "CSAT_DB_SECRET_ARN: the secret Aurora manages (ManageMasterUserPassword)");
  }

  @Test
  void migrationsRunOnEveryCodeVersionOnceTheWriterIsUp() {
    Map<String, Map<String, Object>> migrations = template.resourcesOfType("Custom::DatabaseMigrations");
    assertEquals(1, migrations.size(), "one Custom::DatabaseMigrations resource");
    String id = migrations.keySet().iterator().next();
    Map<String, Object> resource = migrations.get(id);
    Map<String, Object> properties = map(resource.get("Properties"));

    List<Object> token = list(map(properties.get("ServiceToken")).get("Fn::GetAtt"));
    assertEquals(2, token.size(), id + ".ServiceToken must be !GetAtt <Function>.Arn");
    String function = string(token.get(0));
    assertEquals("Arn", token.get(1), id + ".ServiceToken attribute");
    assertEquals("dev.csat.migrations.MigrationHandler::handleRequest", template.properties(function).get("Handler"),
        id + " is served by " + function);

    boolean followsTheCode = properties.values().stream().anyMatch(value -> (function + ".Version").equals(ref(value)));
    assertTrue(followsTheCode, id + " needs a property !Ref " + function
        + ".Version so that every new code version (and its migrations) triggers an Update");

    Set<String> dependsOn = new HashSet<>();
    asList(resource.get("DependsOn")).forEach(name -> dependsOn.add(string(name)));
    template.resourcesOfType("AWS::RDS::DBInstance").keySet().forEach(writer -> assertTrue(dependsOn.contains(writer),
        id + " must DependsOn " + writer + ": the writer must be available before the first statement"));
  }

  @Test
  void apiServesOpenApiUnderTheBasePath() {
    Map<String, Map<String, Object>> apis = template.resourcesOfType(SamTemplate.API);
    assertEquals(1, apis.size(), "one AWS::Serverless::Api");
    String api = apis.keySet().iterator().next();
    Map<String, Object> properties = template.properties(api);
    Map<String, Object> include = map(properties, "DefinitionBody", "Fn::Transform");
    assertEquals("AWS::Include", include.get("Name"), api + ".DefinitionBody must include openapi.yaml");
    assertEquals("openapi.yaml", map(include, "Parameters").get("Location"), api + ".DefinitionBody location");
    assertEquals(Boolean.TRUE, properties.get("TracingEnabled"), api + ".TracingEnabled");
    assertTrue(properties.containsKey("AccessLogSetting"), api + " has no AccessLogSetting");
    Map<String, Object> throttling = map(list(properties.get("MethodSettings")).stream().findFirst().orElse(null));
    assertTrue(throttling.containsKey("ThrottlingRateLimit") && throttling.containsKey("ThrottlingBurstLimit"),
        api + ".MethodSettings needs throttling limits");

    String stage = ref(properties.get("StageName"));
    assertTrue(stage != null && template.section("Parameters").containsKey(stage),
        api + ".StageName must be a parameter");
    assertEquals("https://${" + api + "}.execute-api.${AWS::Region}.${AWS::URLSuffix}/${" + stage + "}" + BASE_PATH,
        map(template.section("Outputs"), "ApiUrl", "Value").get("Fn::Sub"), "Outputs.ApiUrl");

    List<String> outside = OpenApiDocument.load(root).operations().stream()
        .map(OpenApiDocument.Operation::path).filter(path -> !path.startsWith(BASE_PATH + "/")).toList();
    assertTrue(outside.isEmpty(), "openapi.yaml paths outside " + BASE_PATH + ": " + outside);
  }

  @Test
  void openApiIsWrittenSoCloudFormationAndApiGatewayReadItAsMeant() throws IOException {
    Path file = root.resolve("openapi.yaml");
    List<String> problems = new ArrayList<>();
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      if (SHORT_FORM_TAG.matcher(lines.get(i).replaceFirst("(^|\\s)#.*", "")).find()) {
        problems.add("openapi.yaml:" + (i + 1) + ": short-form intrinsic; included files need the long form (Fn::Sub)");
      }
    }
    OpenApiDocument openApi = OpenApiDocument.load(root);
    Map<String, Object> schemas = map(openApi.root(), "components", "schemas");
    schemas.keySet().stream().filter(name -> !name.matches("[A-Za-z0-9]+"))
        .forEach(name -> problems.add("components.schemas." + name + ": API Gateway model names are alphanumeric"));
    for (OpenApiDocument.Operation operation : openApi.operations()) {
      list(operation.node().get("parameters")).stream().filter(p -> map(p).containsKey("$ref"))
          .forEach(p -> problems.add(operation + ": parameter " + p + " is a $ref; write it inline"));
      map(operation.node().get("responses")).forEach((status, response) -> {
        if (map(response).containsKey("$ref")) {
          problems.add(operation + ": response " + status + " is a $ref; write it inline");
        }
      });
      Object body = map(operation.node(), "requestBody", "content", "application/json").get("schema");
      if (body != null && usesNullable(body, schemas, new HashSet<>())) {
        problems.add(operation + ": its request schema uses `nullable`, which API Gateway ignores (it would refuse"
            + " null); leave out `type` instead, as the Nullable* schemas do");
      }
    }
    assertNoProblems(problems, "problems in openapi.yaml");
  }

  private static boolean usesNullable(Object node, Map<String, Object> schemas, Set<String> seen) {
    if (node instanceof List<?> items) {
      return list(items).stream().anyMatch(item -> usesNullable(item, schemas, seen));
    }
    Map<String, Object> schema = map(node);
    String ref = string(schema.get("$ref"));
    if (ref != null) {
      String name = ref.substring(ref.lastIndexOf('/') + 1);
      return seen.add(name) && usesNullable(schemas.get(name), schemas, seen);
    }
    return schema.containsKey("nullable") || schema.values().stream().anyMatch(v -> usesNullable(v, schemas, seen));
  }

  private static List<Object> asList(Object node) {
    return node instanceof List<?> ? list(node) : node == null ? List.of() : List.of(node);
  }

  private static void assertNoProblems(List<String> problems, String what) {
    if (!problems.isEmpty()) {
      fail(problems.size() + " " + what + ":\n  " + String.join("\n  ", problems));
    }
  }

  /**
   * The names a reference may use, and the check of every intrinsic function in a document:
   * Ref, Fn::GetAtt, Fn::Sub (every ${Name} and ${Name.Attribute}), Fn::If and Condition,
   * Fn::FindInMap, and the resource attributes DependsOn and Condition.
   */
  private static final class References {
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final Set<String> parameters;
    private final Set<String> conditions;
    private final Set<String> mappings;
    /** Logical id to type, including the resources SAM generates that we reference deliberately. */
    private final Map<String, String> resources = new HashMap<>();
    /** SAM's "resource.property" references: Function.Alias, Function.Version, Api.Stage, ... */
    private final Set<String> samReferences = new HashSet<>();
    final List<String> problems = new ArrayList<>();

    References(SamTemplate template) {
      parameters = template.section("Parameters").keySet();
      conditions = template.section("Conditions").keySet();
      mappings = template.section("Mappings").keySet();
      template.resources().forEach((id, resource) -> resources.put(id, String.valueOf(resource.get("Type"))));
      template.functions().forEach((function, resource) -> {
        String alias = string(template.effective(function, "AutoPublishAlias").orElse(null));
        if (alias != null) {
          samReferences.add(function + ".Alias");
          samReferences.add(function + ".Version");
          resources.put(function + "Alias" + alias, "AWS::Lambda::Alias");
        }
        if (!template.properties(function).containsKey("Role")) {
          resources.put(function + "Role", "AWS::IAM::Role");
        }
      });
      template.resourcesOfType(SamTemplate.API).keySet().forEach(api -> {
        samReferences.add(api + ".Stage");
        samReferences.add(api + ".Deployment");
      });
    }

    void checkDocument(Map<String, Object> document, String name) {
      map(document.get("Resources")).forEach((id, node) -> {
        Map<String, Object> resource = map(node);
        asList(resource.get("DependsOn")).forEach(dependency -> {
          if (!resources.containsKey(string(dependency))) {
            problems.add(name + ": Resources." + id + ".DependsOn " + dependency + " is not a resource");
          }
        });
        checkCondition(resource.get("Condition"), name + ": Resources." + id + ".Condition");
      });
      map(document.get("Outputs")).forEach((id, output) ->
          checkCondition(map(output).get("Condition"), name + ": Outputs." + id + ".Condition"));
      walk(document, name + ":");
    }

    private void walk(Object node, String at) {
      if (node instanceof Map<?, ?> raw) {
        Map<String, Object> map = map(raw);
        if (map.size() == 1) {
          var entry = map.entrySet().iterator().next();
          String where = at + " " + entry.getKey();
          switch (entry.getKey()) {
            case "Ref" -> checkRef(string(entry.getValue()), where);
            case "Fn::GetAtt" -> checkGetAtt(list(entry.getValue()), where);
            case "Fn::Sub" -> checkSub(entry.getValue(), where);
            case "Fn::If" -> checkCondition(list(entry.getValue()).stream().findFirst().orElse(null), where);
            case "Fn::FindInMap" -> checkMapping(list(entry.getValue()).stream().findFirst().orElse(null), where);
            case "Condition" -> {
              if (entry.getValue() instanceof String) {
                checkCondition(entry.getValue(), where);
              }
            }
            default -> { }
          }
        }
        map.forEach((key, value) -> walk(value, at.endsWith(":") ? at + " " + key : at + "." + key));
      } else if (node instanceof List<?> raw) {
        List<Object> items = list(raw);
        for (int i = 0; i < items.size(); i++) {
          walk(items.get(i), at + "[" + i + "]");
        }
      }
    }

    private void checkRef(String name, String at) {
      if (name == null || !(parameters.contains(name) || resources.containsKey(name)
          || PSEUDO_PARAMETERS.contains(name) || samReferences.contains(name))) {
        problems.add(at + " " + name + " is not a parameter, resource or pseudo parameter");
      }
    }

    private void checkGetAtt(List<Object> arguments, String at) {
      if (arguments.size() != 2 || !(arguments.get(0) instanceof String resource)) {
        problems.add(at + " " + arguments + " must be [Resource, Attribute]");
        return;
      }
      checkAttribute(resource, string(arguments.get(1)), at);
    }

    private void checkAttribute(String resource, String attribute, String at) {
      String type = resources.get(resource);
      if (type == null) {
        problems.add(at + " " + resource + "." + attribute + ": " + resource + " is not a resource");
      } else if (ATTRIBUTES.containsKey(type) && !ATTRIBUTES.get(type).contains(attribute)) {
        problems.add(at + " " + resource + "." + attribute + ": " + type + " has no attribute " + attribute);
      }
    }

    private void checkSub(Object argument, String at) {
      String text;
      Set<String> locals = Set.of();
      if (argument instanceof String string) {
        text = string;
      } else if (list(argument).size() == 2 && list(argument).get(0) instanceof String string) {
        text = string;
        locals = map(list(argument).get(1)).keySet();
      } else {
        problems.add(at + " must be a string or [string, {variables}]");
        return;
      }
      Matcher matcher = SUB_VARIABLE.matcher(text);
      while (matcher.find()) {
        String variable = matcher.group(1).strip();
        if (variable.startsWith("!") || locals.contains(variable)) {
          continue;
        }
        int dot = variable.indexOf('.');
        if (dot > 0 && !samReferences.contains(variable)) {
          checkAttribute(variable.substring(0, dot), variable.substring(dot + 1), at + " ${" + variable + "}:");
        } else {
          checkRef(variable, at + " ${" + variable + "}:");
        }
      }
    }

    private void checkCondition(Object name, String at) {
      if (name != null && !conditions.contains(Objects.toString(name))) {
        problems.add(at + " " + name + " is not a condition");
      }
    }

    private void checkMapping(Object name, String at) {
      if (!mappings.contains(Objects.toString(name))) {
        problems.add(at + " " + name + " is not a mapping");
      }
    }
  }
}
