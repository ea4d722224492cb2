package dev.csat.local.dataapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.csat.local.dataapi.NamedParameters.Translation;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.postgresql.util.PGobject;

/**
 * Turns a request's SqlParameter list into JDBC bindings typed as the Data API types them: a long
 * binds as bigint, a double as double precision, a string as varchar unless its typeHint names
 * another type. Binding strings as varchar (not as "unspecified") keeps Aurora's strictness:
 * {@code uuid_col = :id} without the UUID hint fails here as it does there.
 */
final class Parameters {
  /** Sets one parameter of a prepared statement. */
  @FunctionalInterface
  interface Binding {
    void bind(PreparedStatement statement, int index) throws SQLException;
  }

  // The formats the SqlParameter reference gives for these hints; PostgreSQL itself would accept far more.
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern TIME = Pattern.compile("\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?");
  private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?");

  private Parameters() {}

  /** The bindings by parameter name; {@code parameters} is the request's list, or null when absent. */
  static Map<String, Binding> parse(JsonNode parameters) {
    Map<String, Binding> byName = new HashMap<>();
    if (parameters == null || parameters.isNull()) {
      return byName;
    }
    if (!parameters.isArray()) {
      throw DataApiException.badRequest("parameters must be a list of SqlParameter");
    }
    for (JsonNode parameter : parameters) {
      JsonNode name = parameter.get("name");
      if (name == null || !name.isTextual() || name.asText().isEmpty()) {
        throw DataApiException.badRequest("Parameter name is required");
      }
      JsonNode hint = parameter.get("typeHint");
      byName.put(name.asText(), binding(name.asText(), parameter.get("value"), hint == null ? null : hint.asText()));
    }
    return byName;
  }

  /** One binding per placeholder of the translated statement, in order. */
  static List<Binding> inOrder(Translation translation, Map<String, Binding> byName) {
    List<Binding> ordered = new ArrayList<>(translation.parameterNames().size());
    for (String name : translation.parameterNames()) {
      Binding binding = byName.get(name);
      if (binding == null) {
        throw DataApiException.badRequest("No value specified for parameter \"" + name + "\"");
      }
      ordered.add(binding);
    }
    return ordered;
  }

  static void bindAll(PreparedStatement statement, List<Binding> bindings) throws SQLException {
    for (int i = 0; i < bindings.size(); i++) {
      bindings.get(i).bind(statement, i + 1);
    }
  }

  private static Binding binding(String name, JsonNode value, String typeHint) {
    if (value == null || !value.isObject()) {
      throw noFieldSet(name);
    }
    if (value.has("arrayValue")) {
      throw DataApiException.badRequest("Array parameters are not supported.");
    }
    if (value.path("isNull").asBoolean(false)) {
      // An untyped NULL, so PostgreSQL infers the type from where it is used.
      return (statement, index) -> statement.setNull(index, Types.NULL);
    }
    JsonNode member;
    if ((member = value.get("booleanValue")) != null && member.isBoolean()) {
      boolean b = member.booleanValue();
      return (statement, index) -> statement.setBoolean(index, b);
    }
    if ((member = value.get("longValue")) != null && member.isIntegralNumber() && member.canConvertToLong()) {
      long l = member.longValue();
      return (statement, index) -> statement.setLong(index, l);
    }
    if ((member = value.get("doubleValue")) != null && (member.isNumber() || member.isTextual())) {
      // The SDK sends NaN and the infinities as strings.
      double d = member.isNumber() ? member.doubleValue() : parseSpecialDouble(name, member.asText());
      return (statement, index) -> statement.setDouble(index, d);
    }
    if ((member = value.get("stringValue")) != null && member.isTextual()) {
      return typedString(name, member.asText(), typeHint);
    }
    if ((member = value.get("blobValue")) != null && member.isTextual()) {
      byte[] bytes = decodeBase64(name, member.asText());
      return (statement, index) -> statement.setBytes(index, bytes);
    }
    throw noFieldSet(name);
  }

  private static Binding typedString(String name, String text, String typeHint) {
    if (typeHint == null) {
      return (statement, index) -> statement.setString(index, text);
    }
    String postgresType = switch (typeHint) {
      case "DATE" -> checked(name, text, typeHint, DATE, "YYYY-MM-DD", "date");
      case "TIME" -> checked(name, text, typeHint, TIME, "HH:MM:SS[.FFF]", "time");
      case "TIMESTAMP" -> checked(name, text, typeHint, TIMESTAMP, "YYYY-MM-DD HH:MM:SS[.FFF]", "timestamp");
      case "DECIMAL" -> "numeric";
      case "JSON" -> "json";
      case "UUID" -> "uuid";
      default -> throw DataApiException.badRequest("Invalid typeHint " + typeHint + " for parameter \"" + name + "\"");
    };
    // A PGobject binds the text with that type's OID: PostgreSQL parses it as exactly that type.
    return (statement, index) -> {
      PGobject typed = new PGobject();
      typed.setType(postgresType);
      typed.setValue(text);
      statement.setObject(index, typed);
    };
  }

  private static String checked(String name, String text, String hint, Pattern format, String expected, String type) {
    if (!format.matcher(text).matches()) {
      throw DataApiException.badRequest("Invalid " + hint + " value for parameter \"" + name + "\": '" + text
          + "' does not match " + expected);
    }
    return type;
  }

  private static double parseSpecialDouble(String name, String text) {
    return switch (text) {
      case "NaN" -> Double.NaN;
      case "Infinity" -> Double.POSITIVE_INFINITY;
      case "-Infinity" -> Double.NEGATIVE_INFINITY;
      default -> throw noFieldSet(name);
    };
  }

  private static byte[] decodeBase64(String name, String text) {
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw DataApiException.badRequest("Parameter \"" + name + "\" has a blobValue that is not base64");
    }
  }

  private static DataApiException noFieldSet(String name) {
    return DataApiException.badRequest("Parameter \"" + name + "\" has value with no field set");
  }
}
