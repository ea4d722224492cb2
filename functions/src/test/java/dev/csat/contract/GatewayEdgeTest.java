package dev.csat.contract;

import static dev.csat.contract.Yamls.list;
import static dev.csat.contract.Yamls.map;
import static dev.csat.contract.Yamls.ref;
import static dev.csat.contract.Yamls.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.csat.contract.OpenApiDocument.Operation;
import dev.csat.http.Cors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What API Gateway answers or limits itself, before any function runs: the CORS preflight of
 * every path (an {@code options} mock integration), the CORS headers of its own error responses,
 * the allowed-origins parameter shared with the functions' {@link Cors}, and the throttling
 * settings of the stage.
 */
class GatewayEdgeTest {
  private static final String ORIGINS_PARAMETER = "CorsAllowedOrigins";
  private static final String CORS_CONDITION = "CorsEnabled";
  private static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
  private static final Set<String> PREFLIGHT_HEADERS = Set.of(ALLOW_ORIGIN, "Access-Control-Allow-Methods",
      "Access-Control-Allow-Headers", "Access-Control-Max-Age", "Vary");
  private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

  /** The in-app prompting routes, called on every feature use: each has its own throttling. */
  private static final Set<String> PROMPTING_ROUTES = Set.of(
      "GET /api/csat/v1/products/{product_key}/feature-interactions",
      "POST /api/csat/v1/products/{product_key}/features/{feature_key}/increment",
      "POST /api/csat/v1/products/{product_key}/features/{feature_key}/reject",
      "POST /api/csat/v1/products/{product_key}/features/{feature_key}/feedbacks");

  private final Path root = RepoRoot.get();
  private final SamTemplate template = SamTemplate.load(root);
  private final OpenApiDocument openApi = OpenApiDocument.load(root);

  @Test
  void everyPathHasOneCorsPreflightAnsweredByApiGateway() {
    Map<String, List<Operation>> operationsByPath = openApi.operations().stream()
        .collect(Collectors.groupingBy(Operation::path, LinkedHashMap::new, Collectors.toList()));
    Map<String, Operation> preflights = new LinkedHashMap<>();
    openApi.corsPreflights().forEach(preflight -> preflights.put(preflight.path(), preflight));
    List<String> problems = new ArrayList<>();
    for (String path : openApi.paths()) {
      List<Operation> operations = operationsByPath.getOrDefault(path, List.of());
      Operation preflight = preflights.get(path);
      if (preflight == null) {
        problems.add(path + ": no CORS preflight (an options method with a mock integration and no operationId)");
      } else if (operations.isEmpty()) {
        problems.add(path + ": a CORS preflight on a path without operations");
      } else {
        problems.addAll(checkPreflight(preflight, operations));
      }
    }
    assertNoProblems(problems, "CORS preflights");
  }

  @Test
  void preflightsEchoTheOriginOnlyWhenItIsOneOfTheAllowedOrigins() {
    Set<String> templates = new HashSet<>();
    openApi.corsPreflights().forEach(preflight -> templates.add(preflightTemplate(preflight)));
    assertEquals(1, templates.size(), "every preflight answers with the same mapping template: " + templates);
    String vtl = templates.iterator().next();
    // The membership test is Cors.allows: the exact Origin, as one whole comma-separated entry.
    // The parameter's AllowedPattern admits no spaces, so no entry needs trimming here.
    for (String part : List.of(
        "#set($allowed = \",${" + ORIGINS_PARAMETER + "},\")",
        "$input.params().header.get(\"Origin\")",
        "$input.params().header.get(\"origin\")",
        "#if(\"$!origin\" != \"\" && $allowed.contains(\",$origin,\"))",
        "#set($context.responseOverride.header." + ALLOW_ORIGIN + " = $origin)")) {
      assertTrue(vtl.contains(part), "the preflight template must contain " + part + ": " + vtl);
    }
    Set<String> substituted = new TreeSet<>();
    SUB_VARIABLE.matcher(vtl).results().forEach(result -> substituted.add(result.group(1)));
    assertEquals(Set.of(ORIGINS_PARAMETER), substituted, "the only value CloudFormation substitutes");
    assertFalse(vtl.contains("\n") || vtl.contains("#end "),
        "nothing but directives: a 204 has no body, and text between directives would be one");
  }

  @Test
  void gatewayErrorsCarryAllowOriginOnlyWhileCorsIsOn() {
    Map<String, Object> responses = map(openApi.root().get("x-amazon-apigateway-gateway-responses"));
    assertFalse(responses.isEmpty(), "openapi.yaml has no x-amazon-apigateway-gateway-responses");
    Object echo = Map.of("Fn::If", List.of(CORS_CONDITION, "method.request.header.Origin", Map.of("Ref", "AWS::NoValue")));
    List<String> problems = new ArrayList<>();
    responses.forEach((type, node) -> {
      Map<String, Object> parameters = map(map(node).get("responseParameters"));
      if (!echo.equals(parameters.get("gatewayresponse.header." + ALLOW_ORIGIN))) {
        problems.add(type + ": " + ALLOW_ORIGIN + " must be " + echo + ", is " + parameters.get("gatewayresponse.header."
            + ALLOW_ORIGIN));
      }
      expectStatic(parameters, "gatewayresponse.header.Access-Control-Expose-Headers", Cors.EXPOSE_HEADERS, type, problems);
      expectStatic(parameters, "gatewayresponse.header.Vary", "Origin", type, problems);
    });
    assertNoProblems(problems, "gateway responses");
    assertEquals(Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(Map.of("Ref", ORIGINS_PARAMETER), "")))),
        template.section("Conditions").get(CORS_CONDITION), "Conditions." + CORS_CONDITION);
  }

  @Test
  void throttledAndQuotaAnswersAreProblemsWithRetryAfter() {
    Map<String, Object> responses = map(openApi.root().get("x-amazon-apigateway-gateway-responses"));
    for (String type : List.of("THROTTLED", "QUOTA_EXCEEDED")) {
      Map<String, Object> response = map(responses.get(type));
      assertEquals("429", String.valueOf(response.get("statusCode")), type + ".statusCode");
      Map<String, Object> parameters = map(response.get("responseParameters"));
      assertEquals("'application/problem+json'", parameters.get("gatewayresponse.header.Content-Type"), type);
      assertTrue(string(parameters.get("gatewayresponse.header.Retry-After")).matches("'[0-9]+'"),
          type + " needs a static Retry-After");
      assertTrue(string(map(response.get("responseTemplates")).get("application/json")).contains("\"code\":\"rate_limited\""),
          type + " answers the rate_limited problem");
    }
  }

  @Test
  void allowedOriginsAreAParameterEveryFunctionGets() {
    Map<String, Object> parameter = map(template.section("Parameters").get(ORIGINS_PARAMETER));
    assertEquals("String", parameter.get("Type"), ORIGINS_PARAMETER + ".Type");
    assertEquals("", parameter.get("Default"), ORIGINS_PARAMETER + ".Default: no cross-origin access unless asked for");
    assertEquals(Map.of("Ref", ORIGINS_PARAMETER),
        map(template.functionGlobals(), "Environment", "Variables").get(Cors.CONFIG),
        "Globals.Function.Environment.Variables." + Cors.CONFIG);
  }

  @Test
  void theParameterAdmitsOnlyWhatTheFunctionsAccept() {
    Pattern allowed = Pattern.compile(string(map(template.section("Parameters").get(ORIGINS_PARAMETER)).get("AllowedPattern")));
    List<String> samples = List.of("", "https://app.example.com", "http://localhost:5173", "http://127.0.0.1:3000",
        "https://a.example.com,https://b.example.com:8443", "*", "null", "https://app.example.com/",
        "https://App.example.com", "app.example.com", "ftp://files.example.com", "https://a.example.com,",
        ",https://a.example.com", "https://a.example.com,,https://b.example.com", "https://exa mple.com",
        "https://a.example.com/path", "https://-a.example.com", "https://a.example.com:port",
        "https://a.example.com, https://b.example.com");
    List<String> problems = new ArrayList<>();
    for (String sample : samples) {
      boolean admitted = allowed.matcher(sample).matches();
      Cors cors;
      try {
        cors = Cors.of(sample);
      } catch (IllegalArgumentException e) {
        if (admitted) {
          problems.add("\"" + sample + "\": the template admits it, the functions refuse it (" + e.getMessage() + ")");
        }
        continue;
      }
      List<String> expected = sample.isEmpty() ? List.of() : Arrays.stream(sample.split(",")).map(String::strip).toList();
      if (admitted && !List.copyOf(cors.origins()).equals(expected)) {
        problems.add("\"" + sample + "\": the functions read " + cors.origins());
      }
      // The one difference, on purpose: locally "a, b" is read as two origins; the template
      // refuses spaces, which its mapping template's exact comparison could not ignore.
      if (!admitted && !sample.contains(" ")) {
        problems.add("\"" + sample + "\": the functions accept it, the template's AllowedPattern does not");
      }
    }
    assertNoProblems(problems, ORIGINS_PARAMETER + " AllowedPattern against Cors.of");
  }

  @Test
  void theApiIsDeployedEveryTimeSinceItsDefinitionDependsOnParameters() {
    Map<String, Map<String, Object>> apis = template.resourcesOfType(SamTemplate.API);
    String api = apis.keySet().iterator().next();
    // SAM hashes the definition with Fn::Sub and Fn::If unresolved: a new parameter value would
    // change the REST API but never create the deployment that brings it to the stage.
    String text = openApi.root().toString();
    boolean dependsOnParameters = text.contains("Fn::If") || template.section("Parameters").keySet().stream()
        .anyMatch(parameter -> text.contains("${" + parameter + "}"));
    if (dependsOnParameters) {
      assertEquals(Boolean.TRUE, template.properties(api).get("AlwaysDeploy"),
          api + ".AlwaysDeploy: openapi.yaml uses parameters or conditions");
    }
  }

  @Test
  void everyMethodIsThrottledAndPerMethodLimitsNameRealRoutes() {
    String api = template.resourcesOfType(SamTemplate.API).keySet().iterator().next();
    List<Object> settings = list(template.properties(api).get("MethodSettings"));
    Map<String, Object> stageWide = map(settings.stream().findFirst().orElse(null));
    assertEquals("/*", stageWide.get("ResourcePath"), api + ".MethodSettings[0] is the default of every method");
    assertEquals("*", stageWide.get("HttpMethod"), api + ".MethodSettings[0] is the default of every method");

    Set<String> routes = new HashSet<>();
    openApi.operations().forEach(operation -> routes.add(operation.route()));
    Set<String> throttledOnTheirOwn = new HashSet<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < settings.size(); i++) {
      Map<String, Object> setting = map(settings.get(i));
      String at = api + ".MethodSettings " + setting.get("ResourcePath") + " " + setting.get("HttpMethod");
      for (String limit : List.of("ThrottlingRateLimit", "ThrottlingBurstLimit")) {
        String parameter = ref(setting.get(limit));
        if (parameter == null || !template.section("Parameters").containsKey(parameter)) {
          problems.add(at + ": " + limit + " must be a Ref to a parameter, is " + setting.get(limit));
        }
      }
      if (i == 0) {
        continue;
      }
      // A setting for one method replaces the stage-wide one for that method, field by field
      // defaulted: it must repeat the logging settings or that method would log differently.
      for (String same : List.of("LoggingLevel", "DataTraceEnabled", "MetricsEnabled")) {
        if (!Objects.equals(stageWide.get(same), setting.get(same))) {
          problems.add(at + ": " + same + " " + setting.get(same) + " differs from the stage-wide " + stageWide.get(same));
        }
      }
      String resourcePath = string(setting.get("ResourcePath"));
      String route = resourcePath == null || !resourcePath.startsWith("/~1") ? null
          : String.valueOf(setting.get("HttpMethod")).toUpperCase(Locale.ROOT) + " " + resourcePath.substring(1).replace("~1", "/");
      if (route == null || !routes.contains(route)) {
        problems.add(at + ": names no operation of openapi.yaml (ResourcePath is the path with every / as ~1)");
      } else if (!throttledOnTheirOwn.add(route)) {
        problems.add(at + ": a second setting for " + route);
      }
    }
    Set<String> missing = new TreeSet<>(PROMPTING_ROUTES);
    missing.removeAll(throttledOnTheirOwn);
    if (!missing.isEmpty()) {
      problems.add("the prompting routes " + missing + " have no MethodSettings of their own");
    }
    assertNoProblems(problems, "throttling settings");
  }

  private List<String> checkPreflight(Operation preflight, List<Operation> operations) {
    List<String> problems = new ArrayList<>();
    String at = preflight.path() + " options";
    Object security = preflight.node().get("security");
    if (!(security instanceof List<?> requirements) || !requirements.isEmpty()) {
      problems.add(at + ": security must be [] (a browser sends no credential with a preflight), is " + security);
    }
    if (preflight.scope() != null) {
      problems.add(at + ": a preflight has no x-csat-scope");
    }
    Map<String, Object> integration = preflight.integration();
    if (!"{\"statusCode\": 200}".equals(map(integration, "requestTemplates").get("application/json"))) {
      problems.add(at + ": the mock's requestTemplates application/json must be {\"statusCode\": 200}");
    }
    Map<String, Object> integrationResponses = map(integration.get("responses"));
    if (!integrationResponses.keySet().equals(Set.of("default"))) {
      problems.add(at + ": the mock has exactly one integration response, default; has " + integrationResponses.keySet());
    }
    Map<String, Object> answer = map(integrationResponses.get("default"));
    if (!"204".equals(String.valueOf(answer.get("statusCode")))) {
      problems.add(at + ": the preflight answers 204, not " + answer.get("statusCode"));
    }
    Map<String, Object> expected = new LinkedHashMap<>();
    List<String> methods = operations.stream().map(Operation::method).toList();
    expected.put("method.response.header.Access-Control-Allow-Methods", "'" + Cors.allowMethods(methods) + "'");
    expected.put("method.response.header.Access-Control-Allow-Headers", "'" + Cors.ALLOW_HEADERS + "'");
    expected.put("method.response.header.Access-Control-Max-Age", "'" + Cors.MAX_AGE_SECONDS + "'");
    expected.put("method.response.header.Vary", "'Origin'");
    if (!expected.equals(map(answer.get("responseParameters")))) {
      problems.add(at + ": responseParameters must be " + expected + " (dev.csat.http.Cors), are "
          + answer.get("responseParameters"));
    }
    Map<String, Object> responses = map(preflight.node().get("responses"));
    if (!responses.keySet().equals(Set.of("204"))) {
      problems.add(at + ": responses must be only 204, are " + responses.keySet());
    } else if (!map(map(responses.get("204")).get("headers")).keySet().equals(PREFLIGHT_HEADERS)) {
      problems.add(at + ": the 204 must declare the headers " + new TreeSet<>(PREFLIGHT_HEADERS));
    }
    Set<String> placeholders = new TreeSet<>();
    Matcher matcher = PATH_PARAMETER.matcher(preflight.path());
    while (matcher.find()) {
      placeholders.add(matcher.group(1));
    }
    Set<String> declared = new TreeSet<>();
    list(preflight.node().get("parameters")).forEach(parameter -> {
      if ("path".equals(map(parameter).get("in"))) {
        declared.add(string(map(parameter).get("name")));
      }
    });
    if (!placeholders.equals(declared)) {
      problems.add(at + ": declares the path parameters " + declared + ", the path has " + placeholders);
    }
    return problems;
  }

  private static String preflightTemplate(Operation preflight) {
    Object template = map(map(map(preflight.integration().get("responses")).get("default")), "responseTemplates")
        .get("application/json");
    String vtl = string(map(template).get("Fn::Sub"));
    if (vtl == null) {
      fail(preflight.path() + " options: responseTemplates application/json must be an Fn::Sub of the mapping template");
    }
    return vtl;
  }

  private static void expectStatic(Map<String, Object> parameters, String name, String value, String at,
      List<String> problems) {
    if (!("'" + value + "'").equals(parameters.get(name))) {
      problems.add(at + ": " + name + " must be '" + value + "', is " + parameters.get(name));
    }
  }

  private static void assertNoProblems(List<String> problems, String what) {
    if (!problems.isEmpty()) {
      fail(problems.size() + " " + what + ":\n  " + String.join("\n  ", problems));
    }
  }
}
