package dev.csat.local.dataapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the members of one request body and checks the constraints the service model declares
 * (required members, lengths, enums), reporting every violation at once the way AWS services do:
 * "2 validation errors detected: Value null at 'sql' failed to satisfy constraint: ...; ...".
 */
final class RequestFields {
  private static final int MAX_ARN = 100;
  private static final int MIN_ARN = 11;

  private final JsonNode body;
  private final List<String> violations = new ArrayList<>();

  private RequestFields(JsonNode body) {
    this.body = body;
  }

  static RequestFields of(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw DataApiException.badRequest("The request body must be a JSON object");
    }
    return new RequestFields(body);
  }

  /** resourceArn and secretArn, which every operation requires. */
  void arns() {
    required("resourceArn", MIN_ARN, MAX_ARN);
    required("secretArn", MIN_ARN, MAX_ARN);
  }

  String required(String name, int minLength, int maxLength) {
    JsonNode value = body.get(name);
    if (value == null || value.isNull()) {
      violations.add("Value null at '" + name + "' failed to satisfy constraint: Member must not be null");
      return null;
    }
    return checkedText(name, value, minLength, maxLength);
  }

  String optional(String name, int maxLength) {
    JsonNode value = body.get(name);
    return value == null || value.isNull() ? null : checkedText(name, value, 0, maxLength);
  }

  String optionalEnum(String name, Set<String> allowed) {
    String value = optional(name, Integer.MAX_VALUE);
    if (value != null && !allowed.contains(value)) {
      violations.add("Value '" + value + "' at '" + name
          + "' failed to satisfy constraint: Member must satisfy enum value set: " + allowed);
    }
    return value;
  }

  boolean flag(String name) {
    JsonNode value = body.get(name);
    if (value != null && !value.isNull() && !value.isBoolean()) {
      violations.add("Value at '" + name + "' failed to satisfy constraint: Member must be a boolean");
    }
    return value != null && value.asBoolean(false);
  }

  /** A structure or list member as sent, or null when absent. */
  JsonNode node(String name) {
    JsonNode value = body.get(name);
    return value == null || value.isNull() ? null : value;
  }

  /** Throws the BadRequestException listing every violation found so far, if any. */
  void validate() {
    if (!violations.isEmpty()) {
      int count = violations.size();
      throw DataApiException.badRequest(count + " validation error" + (count == 1 ? "" : "s") + " detected: "
          + String.join("; ", violations));
    }
  }

  private String checkedText(String name, JsonNode value, int minLength, int maxLength) {
    if (!value.isTextual()) {
      violations.add("Value at '" + name + "' failed to satisfy constraint: Member must be a string");
      return null;
    }
    String text = value.asText();
    if (text.length() < minLength) {
      violations.add("Value at '" + name + "' failed to satisfy constraint: Member must have length greater than or equal to "
          + minLength);
    } else if (text.length() > maxLength) {
      violations.add("Value at '" + name + "' failed to satisfy constraint: Member must have length less than or equal to "
          + maxLength);
    }
    return text;
  }
}
