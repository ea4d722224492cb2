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

  JsonBody(ObjectNode node, Checks checks) {
    this.node = node;
    this.checks = checks;
  }

  public Checks checks() {
    return checks;
  }

  /** Records every field not in {@code allowed}: unknown fields are an error, not ignored. */
  public JsonBody allowOnly(Set<String> allowed) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      String name = it.next().getKey();
      if (!allowed.contains(name)) {
        checks.add(name, "is not a known field");
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
      checks.add(name, "must be a string");
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
      checks.add(name, "must be an array of strings");
      return null;
    }
    java.util.List<String> items = new java.util.ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      if (value.get(i).isTextual()) {
        items.add(value.get(i).textValue());
      } else {
        checks.add(name + "[" + i + "]", "must be a string");
      }
    }
    return items.size() == value.size() ? items : null;
  }

  public String requiredKey(String name) {
    return checks.key(name, requiredText(name));
  }

  public String requiredEmail(String name) {
    return checks.email(name, requiredText(name));
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
      checks.add(name, "must be an integer from " + min + " to " + max);
      return null;
    }
    return checks.range(name, value.intValue(), min, max);
  }

  /** A boolean field; absent or null reads as null. */
  public Boolean bool(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isBoolean()) {
      checks.add(name, "must be true or false");
      return null;
    }
    return value.booleanValue();
  }

  private boolean require(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      checks.add(name, "is required");
      return false;
    }
    return true;
  }
}
