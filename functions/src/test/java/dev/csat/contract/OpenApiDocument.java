package dev.csat.contract;

import static dev.csat.contract.Yamls.map;
import static dev.csat.contract.Yamls.string;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** openapi.yaml, read as the operations it declares. */
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

  List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    map(root.get("paths")).forEach((path, item) -> map(item).forEach((method, operation) -> {
      if (METHODS.contains(method)) {
        operations.add(new Operation(path, method, map(operation)));
      }
    }));
    return operations;
  }
}
