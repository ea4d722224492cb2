package dev.csat.contract;

import static dev.csat.contract.Yamls.list;
import static dev.csat.contract.Yamls.map;
import static dev.csat.contract.Yamls.string;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** template.yaml as written (before the SAM transform), with what the tests ask of it. */
record SamTemplate(Path file, Map<String, Object> root) {
  static final String FUNCTION = "AWS::Serverless::Function";
  static final String API = "AWS::Serverless::Api";

  /** One {@code Type: Api} event of a function. */
  record ApiEvent(String function, String name, String restApi, String path, String method) {
    String route() {
      return method.toUpperCase(Locale.ROOT) + " " + path;
    }
  }

  static SamTemplate load(Path repoRoot) {
    Path file = repoRoot.resolve("template.yaml");
    return new SamTemplate(file, CfnYaml.load(file));
  }

  Map<String, Object> section(String name) {
    return map(root.get(name));
  }

  Map<String, Map<String, Object>> resources() {
    Map<String, Map<String, Object>> resources = new LinkedHashMap<>();
    section("Resources").forEach((id, resource) -> resources.put(id, map(resource)));
    return resources;
  }

  Map<String, Map<String, Object>> resourcesOfType(String type) {
    Map<String, Map<String, Object>> matching = new LinkedHashMap<>();
    resources().forEach((id, resource) -> {
      if (type.equals(resource.get("Type"))) {
        matching.put(id, resource);
      }
    });
    return matching;
  }

  Map<String, Map<String, Object>> functions() {
    return resourcesOfType(FUNCTION);
  }

  Map<String, Object> properties(String logicalId) {
    return map(resources().get(logicalId), "Properties");
  }

  Map<String, Object> functionGlobals() {
    return map(root, "Globals", "Function");
  }

  /** A function's property as SAM resolves it: its own value, else the one in Globals. */
  Optional<Object> effective(String function, String property) {
    Object own = properties(function).get(property);
    return Optional.ofNullable(own != null ? own : functionGlobals().get(property));
  }

  List<ApiEvent> apiEvents(String function) {
    List<ApiEvent> events = new ArrayList<>();
    map(properties(function).get("Events")).forEach((name, node) -> {
      Map<String, Object> event = map(node);
      if ("Api".equals(event.get("Type"))) {
        Map<String, Object> props = map(event.get("Properties"));
        events.add(new ApiEvent(function, name, Yamls.ref(props.get("RestApiId")),
            string(props.get("Path")), string(props.get("Method"))));
      }
    });
    return events;
  }

  List<ApiEvent> allApiEvents() {
    List<ApiEvent> events = new ArrayList<>();
    functions().keySet().forEach(function -> events.addAll(apiEvents(function)));
    return events;
  }

  /** Local files pulled in with {@code Fn::Transform: {Name: AWS::Include}}, by where they are included. */
  Map<String, String> includes() {
    Map<String, String> includes = new LinkedHashMap<>();
    collectIncludes(root, "", includes);
    return includes;
  }

  private static void collectIncludes(Object node, String at, Map<String, String> includes) {
    if (node instanceof Map<?, ?> raw) {
      Map<String, Object> transform = map(map(raw).get("Fn::Transform"));
      if ("AWS::Include".equals(transform.get("Name"))) {
        String location = string(map(transform.get("Parameters")).get("Location"));
        if (location != null && !location.startsWith("s3://")) {
          includes.put(at, location);
        }
      }
      map(raw).forEach((key, value) -> collectIncludes(value, at.isEmpty() ? key : at + "." + key, includes));
    } else if (node instanceof List<?> items) {
      List<Object> all = list(items);
      for (int i = 0; i < all.size(); i++) {
        collectIncludes(all.get(i), at + "[" + i + "]", includes);
      }
    }
  }
}
