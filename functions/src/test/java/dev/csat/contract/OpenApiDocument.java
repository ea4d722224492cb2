package dev.csat.contract;

import static dev.csat.contract.Yamls.map;
import static dev.csat.contract.Yamls.string;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * openapi.yaml, read as the operations it declares and, apart from them, the CORS preflight of
 * each path: an {@code options} method answered by API Gateway itself (a {@code mock}
 * integration) with no operationId. Anything else under a method, {@code options} included, is
 * an operation and needs its function, handler and event file.
 */
record OpenApiDocument(Path file, Map<String, Object> root) {
  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch");

  /** One operation, and the names every other artefact derives from its operationId. */
  record Operation(String path, String method, Map<String, Object> node) {
    String id() {
      return string(node.get("operationId"));
    }

    /** {@code incrementInteraction} → {@code IncrementInteraction}. */
    String capitalisedId() {
      String id = id();
      return id == null || id.isEmpty() ? "" : Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }

    /** {@code incrementInteraction} → {@code increment-interaction}: its events/ file name. */
    String kebabId() {
      return id() == null ? "" : id().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    String functionName() {
      return capitalisedId() + "Function";
    }

    String handlerName() {
      return capitalisedId() + "Handler";
    }

    String scope() {
      return string(node.get("x-csat-scope"));
    }

    Map<String, Object> integration() {
      return map(node.get("x-amazon-apigateway-integration"));
    }

    /** An {@code options} method with a mock integration and no operationId: no function serves it. */
    boolean isCorsPreflight() {
      return method.equals("options") && "mock".equals(integration().get("type")) && id() == null;
    }

    String route() {
      return method.toUpperCase(Locale.ROOT) + " " + path;
    }

    @Override
    public String toString() {
      return (id() == null ? "(no operationId)" : id()) + " (" + route() + ")";
    }
  }

  static OpenApiDocument load(Path repoRoot) {
    Path file = repoRoot.resolve("openapi.yaml");
    return new OpenApiDocument(file, CfnYaml.load(file));
  }

  /** The operations, each served by its own function; CORS preflights are not among them. */
  List<Operation> operations() {
    return allMethods().stream().filter(operation -> !operation.isCorsPreflight()).toList();
  }

  /** The CORS preflights ({@link Operation#isCorsPreflight()}), at most one per path. */
  List<Operation> corsPreflights() {
    return allMethods().stream().filter(Operation::isCorsPreflight).toList();
  }

  /** The paths, in document order. */
  List<String> paths() {
    return List.copyOf(map(root.get("paths")).keySet());
  }

  private List<Operation> allMethods() {
    List<Operation> operations = new ArrayList<>();
    map(root.get("paths")).forEach((path, item) -> map(item).forEach((method, operation) -> {
      if (METHODS.contains(method)) {
        operations.add(new Operation(path, method, map(operation)));
      }
    }));
    return operations;
  }
}
