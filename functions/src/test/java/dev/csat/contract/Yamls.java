package dev.csat.contract;

import java.util.List;
import java.util.Map;

/** Typed reads of parsed YAML/JSON trees, where a missing or differently shaped node reads as empty. */
final class Yamls {
  private Yamls() {}

  static Map<String, Object> map(Object node) {
    return node instanceof Map<?, ?> map ? CfnYaml.stringKeys(map) : Map.of();
  }

  static Map<String, Object> map(Map<String, Object> parent, String... path) {
    Object node = parent;
    for (String key : path) {
      node = map(node).get(key);
    }
    return map(node);
  }

  static List<Object> list(Object node) {
    if (node instanceof List<?> list) {
      return list.stream().map(item -> (Object) item).toList();
    }
    return List.of();
  }

  static String string(Object node) {
    return node instanceof String text ? text : null;
  }

  /** The name in {@code {Ref: Name}}, or null if the node is not a Ref. */
  static String ref(Object node) {
    Map<String, Object> map = map(node);
    return map.size() == 1 ? string(map.get("Ref")) : null;
  }
}
