package dev.csat.local.dataapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.regex.Pattern;
import org.postgresql.core.Oid;
import org.postgresql.jdbc.PgResultSet;

/**
 * Renders result values as Data API Fields, picking the Field member by the column's PostgreSQL
 * type. Values are read as the text PostgreSQL sends (the pool turns binary transfer off), so
 * timestamps, dates and numerics come out exactly as the server renders them in ISO style.
 */
final class FieldEncoder {
  /** How a column's values become Fields. */
  enum Kind { LONG, DOUBLE, DECIMAL, BOOLEAN, BLOB, TIMESTAMPTZ, TEXT, ARRAY }

  // Sessions run in UTC, so a timestamptz always ends in "+00"; the Data API leaves the offset out.
  private static final Pattern UTC_OFFSET = Pattern.compile("\\+00(?=( BC)?$)");

  private final boolean decimalAsNumber;
  private final boolean longAsString;

  FieldEncoder(ExecuteOptions options) {
    this.decimalAsNumber = options.decimalAsNumber();
    this.longAsString = options.longAsString();
  }

  /** The kind of each column, indexed from 1 like JDBC columns. */
  static Kind[] kinds(ResultSet rows) throws SQLException {
    ResultSetMetaData metadata = rows.getMetaData();
    PgResultSet postgres = rows.unwrap(PgResultSet.class);
    Kind[] kinds = new Kind[metadata.getColumnCount() + 1];
    for (int column = 1; column < kinds.length; column++) {
      kinds[column] = kind(postgres.getColumnOID(column), metadata.getColumnType(column));
    }
    return kinds;
  }

  private static Kind kind(int oid, int sqlType) {
    if (sqlType == Types.ARRAY) {
      return Kind.ARRAY;
    }
    return switch (oid) {
      case Oid.INT2, Oid.INT4, Oid.INT8 -> Kind.LONG;
      case Oid.FLOAT4, Oid.FLOAT8 -> Kind.DOUBLE;
      case Oid.NUMERIC -> Kind.DECIMAL;
      case Oid.BOOL -> Kind.BOOLEAN;
      case Oid.BYTEA -> Kind.BLOB;
      case Oid.TIMESTAMPTZ -> Kind.TIMESTAMPTZ;
      default -> Kind.TEXT;
    };
  }

  /** One value as a Field: {"longValue": 1}, {"stringValue": "..."}, {"isNull": true}, ... */
  ObjectNode field(ResultSet rows, int column, Kind kind) throws SQLException {
    ObjectNode field = Json.NODES.objectNode();
    String text = rows.getString(column);
    if (text == null) {
      return field.put("isNull", true);
    }
    switch (kind) {
      case LONG -> putLong(field, Long.parseLong(text));
      case DOUBLE -> field.put("doubleValue", Double.parseDouble(text));
      case DECIMAL -> putDecimal(field, text);
      case BOOLEAN -> field.put("booleanValue", "t".equals(text));
      case BLOB -> field.put("blobValue", rows.getBytes(column));
      case TIMESTAMPTZ -> field.put("stringValue", withoutUtcOffset(text));
      case TEXT -> field.put("stringValue", text);
      case ARRAY -> field.set("arrayValue", arrayValue(rows.getArray(column)));
    }
    return field;
  }

  private void putLong(ObjectNode field, long value) {
    if (longAsString) {
      field.put("stringValue", Long.toString(value));
    } else {
      field.put("longValue", value);
    }
  }

  // DOUBLE_OR_LONG: a long when the value has no fraction digits, a double otherwise.
  private void putDecimal(ObjectNode field, String text) {
    if (!decimalAsNumber) {
      field.put("stringValue", text);
      return;
    }
    BigDecimal value;
    try {
      value = new BigDecimal(text);
    } catch (NumberFormatException notFinite) {
      field.put("stringValue", text); // NaN and the infinities
      return;
    }
    if (value.scale() <= 0) {
      try {
        putLong(field, value.longValueExact());
        return;
      } catch (ArithmeticException beyondLong) {
        // falls through to a double
      }
    }
    field.put("doubleValue", value.doubleValue());
  }

  /**
   * An ArrayValue: its elements go in the list matching their type (longValues, doubleValues,
   * booleanValues, stringValues; numerics, timestamps and all else as strings), a multidimensional
   * array as arrayValues of ArrayValues. The driver's element result set has the values in column 2.
   */
  private ObjectNode arrayValue(Array array) throws SQLException {
    try (ResultSet elements = array.getResultSet()) {
      Kind kind = kinds(elements)[2];
      ObjectNode arrayValue = Json.NODES.objectNode();
      ArrayNode values = arrayValue.putArray(listMember(kind));
      while (elements.next()) {
        values.add(element(elements, kind));
      }
      return arrayValue;
    } finally {
      array.free();
    }
  }

  private String listMember(Kind kind) {
    return switch (kind) {
      case LONG -> longAsString ? "stringValues" : "longValues";
      case DOUBLE -> "doubleValues";
      case BOOLEAN -> "booleanValues";
      case ARRAY -> "arrayValues";
      default -> "stringValues";
    };
  }

  private JsonNode element(ResultSet elements, Kind kind) throws SQLException {
    String text = elements.getString(2);
    if (text == null) {
      return Json.NODES.nullNode();
    }
    return switch (kind) {
      case LONG -> longAsString ? Json.NODES.textNode(text) : Json.NODES.numberNode(Long.parseLong(text));
      case DOUBLE -> Json.NODES.numberNode(Double.parseDouble(text));
      case BOOLEAN -> Json.NODES.booleanNode("t".equals(text));
      case TIMESTAMPTZ -> Json.NODES.textNode(withoutUtcOffset(text));
      case ARRAY -> arrayValue(elements.getArray(2));
      default -> Json.NODES.textNode(text);
    };
  }

  private static String withoutUtcOffset(String text) {
    return UTC_OFFSET.matcher(text).replaceFirst("");
  }
}
