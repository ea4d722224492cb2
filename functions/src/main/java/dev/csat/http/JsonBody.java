package dev.csat.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csat.core.Checks;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A request body being read field by field. Every accessor validates the field's JSON type and
 * the service's rules, records a problem (by field name) instead of throwing, and returns null
 * for a missing or invalid value; {@link Checks#throwIfAny()} then reports all problems at once.
 */
public final class JsonBody {
  private final ObjectNode node;
  private final Checks checks;
  private final String prefix;

  JsonBody(ObjectNode node, Checks checks) {
    this(node, checks, "");
  }

  private JsonBody(ObjectNode node, Checks checks, String prefix) {
    this.node = node;
    this.checks = checks;
    this.prefix = prefix;
  }

  public Checks checks() {
    return checks;
  }

  /** Records every field not in {@code allowed}: unknown fields are an error, not ignored. */
  public JsonBody allowOnly(Set<String> allowed) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      String name = it.next().getKey();
      if (!allowed.contains(name)) {
        checks.add(at(name), "is not a known field");
      }
    }
    return this;
  }

  public boolean has(String name) {
    return node.has(name);
  }

  /** Present and JSON null: in a PATCH, "clear this". */
  public boolean isNull(String name) {
    return node.has(name) && node.get(name).isNull();
  }

  public String requiredText(String name) {
    return require(name) ? text(name) : null;
  }

  /** A string field; absent or null reads as null. */
  public String text(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      checks.add(at(name), "must be a string");
      return null;
    }
    return value.textValue();
  }

  /** A required array of strings; each item that is not a string is recorded as {@code name[i]}. */
  public java.util.List<String> requiredTextList(String name) {
    if (!require(name)) {
      return null;
    }
    JsonNode value = node.get(name);
    if (!value.isArray()) {
      checks.add(at(name), "must be an array of strings");
      return null;
    }
    java.util.List<String> items = new java.util.ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      if (value.get(i).isTextual()) {
        items.add(value.get(i).textValue());
      } else {
        checks.add(at(name) + "[" + i + "]", "must be a string");
      }
    }
    return items.size() == value.size() ? items : null;
  }

  public String requiredKey(String name) {
    return checks.key(at(name), requiredText(name));
  }

  public String requiredEmail(String name) {
    return checks.email(at(name), requiredText(name));
  }

  public Integer requiredInteger(String name, int min, int max) {
    return require(name) ? integer(name, min, max) : null;
  }

  /** An integer field within [min, max]; absent or null reads as null. 8.0 and "8" are refused. */
  public Integer integer(String name, int min, int max) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      checks.add(at(name), "must be an integer from " + min + " to " + max);
      return null;
    }
    return checks.range(at(name), value.intValue(), min, max);
  }

  /** A boolean field; absent or null reads as null. */
  public Boolean bool(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isBoolean()) {
      checks.add(at(name), "must be true or false");
      return null;
    }
    return value.booleanValue();
  }

  /** A field's name as problems report it: with the path of the object it sits in. */
  public String at(String name) {
    return prefix + name;
  }

  /** A JSON object field as a body of its own (problems named {@code name.field}); null if absent or null. */
  public JsonBody object(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isObject()) {
      checks.add(at(name), "must be an object");
      return null;
    }
    return new JsonBody((ObjectNode) value, checks, at(name) + ".");
  }

  /** An array of JSON objects, each as a body of its own (problems named {@code name[i].field}); null if absent. */
  public java.util.List<JsonBody> objects(String name, int maxItems) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isArray() || value.size() > maxItems) {
      checks.add(at(name), "must be an array of at most " + maxItems + " objects");
      return null;
    }
    java.util.List<JsonBody> items = new java.util.ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      if (value.get(i).isObject()) {
        items.add(new JsonBody((ObjectNode) value.get(i), checks, at(name) + "[" + i + "]."));
      } else {
        checks.add(at(name) + "[" + i + "]", "must be an object");
      }
    }
    return items;
  }

  /**
   * A field as plain Java: String, Integer, Boolean, a List of those, null if absent or JSON
   * null; any other JSON (fractions, objects) as the JsonNode itself, which validation refuses.
   */
  public Object plain(String name) {
    JsonNode value = node.get(name);
    return value == null ? null : plain(value);
  }

  private static Object plain(JsonNode value) {
    if (value.isNull()) {
      return null;
    }
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isIntegralNumber() && value.canConvertToInt()) {
      return value.intValue();
    }
    if (value.isArray()) {
      java.util.List<Object> items = new java.util.ArrayList<>();
      value.forEach(item -> items.add(plain(item)));
      return items;
    }
    return value;
  }

  /** A JSON object field as compact JSON text; null if absent or null. */
  public String objectText(String name, int maxChars) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    String text = value.toString();
    if (!value.isObject() || text.length() > maxChars) {
      checks.add(at(name), "must be a JSON object of at most " + maxChars + " characters");
      return null;
    }
    return text;
  }

  private boolean require(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      checks.add(at(name), "is required");
      return false;
    }
    return true;
  }
}
