package dev.csat.local.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * What running the application locally needs from {@code template.yaml}: the functions (logical
 * id, handler class, timeout), their {@code Api} events, the API's stage and the limits of the
 * usage plan for API keys (resource {@value #API_KEY_USAGE_PLAN}). The local gateway
 * and {@code ./csat invoke} both follow it, so a function added to the template is served
 * without touching local code.
 */
public final class SamTemplate {
  private static final String SERVERLESS_FUNCTION = "AWS::Serverless::Function";
  private static final String SERVERLESS_API = "AWS::Serverless::Api";
  /** The logical id of the usage plan that meters each API key. */
  public static final String API_KEY_USAGE_PLAN = "ApiKeyUsagePlan";
  // SAM's own defaults: a function times out after 3 s, the implicit API's stage is Prod.
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
  private static final String DEFAULT_STAGE = "Prod";

  private final String source;
  private final Map<String, FunctionSpec> functions;
  private final String stageName;
  private final UsagePlanLimits apiKeyUsagePlan;

  private SamTemplate(String source, Map<String, FunctionSpec> functions, String stageName, UsagePlanLimits apiKeyUsagePlan) {
    this.source = source;
    this.functions = functions;
    this.stageName = stageName;
    this.apiKeyUsagePlan = apiKeyUsagePlan;
  }

  /** Reads a template file; a missing, unreadable or malformed file is a {@link TemplateException}. */
  public static SamTemplate load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new TemplateException("cannot read the template " + file + ": " + describe(e), e);
    }
    return parse(text, file.toString());
  }

  /** Parses template text; {@code source} names it in error messages. */
  public static SamTemplate parse(String text, String source) {
    Object root;
    try {
      root = CloudFormationYaml.parse(text);
    } catch (MarkedYAMLException e) {
      var mark = e.getProblemMark();
      throw new TemplateException("the template " + source + " is not valid YAML: " + e.getProblem()
          + (mark == null ? "" : " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")"), e);
    } catch (YAMLException e) {
      throw new TemplateException("the template " + source + " is not valid YAML: " + e.getMessage(), e);
    }
    if (!(root instanceof Map<?, ?> template)) {
      throw new TemplateException("the template " + source + " is not a YAML mapping");
    }
    return new Reader(source, template).read();
  }

  /** Every function, in template order. */
  public List<FunctionSpec> functions() {
    return List.copyOf(functions.values());
  }

  public Optional<FunctionSpec> function(String logicalId) {
    return Optional.ofNullable(functions.get(logicalId));
  }

  /** The stage API Gateway would put in {@code requestContext.stage}. */
  public String stageName() {
    return stageName;
  }

  public String source() {
    return source;
  }

  /** The limits of the usage plan for API keys; empty when the template has none. */
  public Optional<UsagePlanLimits> apiKeyUsagePlan() {
    return Optional.ofNullable(apiKeyUsagePlan);
  }

  private static String describe(IOException e) {
    return e instanceof java.nio.file.NoSuchFileException ? "no such file" : String.valueOf(e.getMessage());
  }

  /** One pass over the parsed YAML; keeps the reading helpers out of the public type. */
  private static final class Reader {
    private final String source;
    private final Map<?, ?> parameters;
    private final Map<?, ?> resources;
    private final Map<?, ?> functionGlobals;

    Reader(String source, Map<?, ?> template) {
      this.source = source;
      this.parameters = map(template.get("Parameters"));
      this.resources = map(template.get("Resources"));
      this.functionGlobals = map(map(template.get("Globals")).get("Function"));
    }

    SamTemplate read() {
      if (resources.isEmpty()) {
        throw new TemplateException("the template " + source + " has no Resources");
      }
      Map<String, FunctionSpec> functions = new LinkedHashMap<>();
      List<String> restApiIds = new ArrayList<>();
      for (var entry : resources.entrySet()) {
        String logicalId = String.valueOf(entry.getKey());
        Map<?, ?> resource = map(entry.getValue());
        if (SERVERLESS_FUNCTION.equals(resource.get("Type"))) {
          functions.put(logicalId, function(logicalId, map(resource.get("Properties")), restApiIds));
        }
      }
      return new SamTemplate(source, functions, stageName(restApiIds), apiKeyUsagePlan());
    }

    /** Throttle and daily quota of {@value #API_KEY_USAGE_PLAN}, literals or parameters' defaults. */
    private UsagePlanLimits apiKeyUsagePlan() {
      Map<?, ?> plan = map(resources.get(API_KEY_USAGE_PLAN));
      if (plan.isEmpty()) {
        return null;
      }
      Map<?, ?> properties = map(plan.get("Properties"));
      Map<?, ?> throttle = map(properties.get("Throttle"));
      Map<?, ?> quota = map(properties.get("Quota"));
      String where = API_KEY_USAGE_PLAN + " in " + source;
      if (!"DAY".equals(resolve(quota.get("Period")))) {
        throw new TemplateException(where + ": Quota Period must be DAY (the local gateway counts UTC days)");
      }
      try {
        return new UsagePlanLimits(number(throttle.get("RateLimit"), where + ": Throttle RateLimit"),
            (int) number(throttle.get("BurstLimit"), where + ": Throttle BurstLimit"),
            (long) number(quota.get("Limit"), where + ": Quota Limit"));
      } catch (IllegalArgumentException e) {
        throw new TemplateException(where + ": " + e.getMessage(), e);
      }
    }

    private double number(Object value, String what) {
      Object resolved = resolve(value);
      if (resolved instanceof Number number) {
        return number.doubleValue();
      }
      if (resolved instanceof String text && text.strip().matches("\\d+(\\.\\d+)?")) {
        return Double.parseDouble(text.strip());
      }
      throw new TemplateException(what + " must be a number or a parameter with a numeric Default, not " + value);
    }

    private FunctionSpec function(String logicalId, Map<?, ?> properties, List<String> restApiIds) {
      Object handler = properties.containsKey("Handler") ? properties.get("Handler") : functionGlobals.get("Handler");
      if (!(handler instanceof String text) || text.isBlank()) {
        throw new TemplateException("function " + logicalId + " in " + source + " has no Handler");
      }
      // Java handlers may name the method (Class::handleRequest); the class is what we load.
      String handlerClass = text.contains("::") ? text.substring(0, text.indexOf("::")) : text;
      List<FunctionSpec.ApiEvent> apiEvents = new ArrayList<>();
      for (var event : map(properties.get("Events")).entrySet()) {
        Map<?, ?> definition = map(event.getValue());
        if (!"Api".equals(definition.get("Type"))) {
          continue;
        }
        Map<?, ?> eventProperties = map(definition.get("Properties"));
        String where = "function " + logicalId + " event " + event.getKey() + " in " + source;
        String path = plainString(eventProperties.get("Path"), where + ": Path");
        String method = plainString(eventProperties.get("Method"), where + ": Method").toUpperCase(Locale.ROOT);
        if (!path.startsWith("/")) {
          throw new TemplateException(where + ": Path must start with /");
        }
        apiEvents.add(new FunctionSpec.ApiEvent(String.valueOf(event.getKey()), method, path));
        Object restApiId = eventProperties.get("RestApiId");
        if (restApiId instanceof Map<?, ?> ref && ref.get("Ref") instanceof String id) {
          restApiIds.add(id);
        }
      }
      Object timeout = properties.containsKey("Timeout") ? properties.get("Timeout") : functionGlobals.get("Timeout");
      return new FunctionSpec(logicalId, handlerClass, timeout(timeout), apiEvents);
    }

    private Duration timeout(Object value) {
      Object resolved = resolve(value);
      if (resolved instanceof Number number) {
        return Duration.ofSeconds(number.longValue());
      }
      if (resolved instanceof String text && text.strip().matches("\\d+")) {
        return Duration.ofSeconds(Long.parseLong(text.strip()));
      }
      return DEFAULT_TIMEOUT;
    }

    /** The stage of the API the events use: its StageName (a literal or a parameter's default). */
    private String stageName(List<String> restApiIds) {
      List<Map<?, ?>> apis = new ArrayList<>();
      restApiIds.stream().distinct().map(id -> map(resources.get(id))).forEach(apis::add);
      resources.values().stream().map(Reader::map)
          .filter(resource -> SERVERLESS_API.equals(resource.get("Type"))).forEach(apis::add);
      for (Map<?, ?> api : apis) {
        Object stage = resolve(map(api.get("Properties")).get("StageName"));
        if (stage instanceof String name && !name.isBlank()) {
          return name;
        }
      }
      return DEFAULT_STAGE;
    }

    /** A literal, or {@code !Ref Parameter} to a parameter with a Default; anything else as is. */
    private Object resolve(Object value) {
      if (value instanceof Map<?, ?> ref && ref.size() == 1 && ref.get("Ref") instanceof String name) {
        return map(parameters.get(name)).get("Default");
      }
      return value;
    }

    private String plainString(Object value, String what) {
      Object resolved = resolve(value);
      if (resolved instanceof String text && !text.isBlank()) {
        return text;
      }
      throw new TemplateException(what + " must be a plain string, not " + (value == null ? "missing" : value));
    }

    private static Map<?, ?> map(Object value) {
      return value instanceof Map<?, ?> map ? map : Map.of();
    }
  }
}
