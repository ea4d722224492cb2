package dev.csat.data;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.rdsdata.model.Field;

/** One result row of a Data API statement, read by column label. */
public final class Row {
  // The Data API renders timestamps as "2026-03-05 14:32:00.123" (fraction optional, up to 9 digits).
  private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
      .appendPattern("yyyy-MM-dd")
      .optionalStart().appendLiteral(' ').optionalEnd()
      .optionalStart().appendLiteral('T').optionalEnd()
      .appendPattern("HH:mm:ss")
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .toFormatter();

  private final Map<String, Integer> columns;
  private final List<Field> fields;

  Row(Map<String, Integer> columns, List<Field> fields) {
    this.columns = columns;
    this.fields = fields;
  }

  public boolean isNull(String column) {
    return Boolean.TRUE.equals(field(column).isNull());
  }

  /** Text, or null for SQL NULL. */
  public String text(String column) {
    return isNull(column) ? null : field(column).stringValue();
  }

  public int integer(String column) {
    return Math.toIntExact(longValue(column));
  }

  public long longValue(String column) {
    Long value = field(column).longValue();
    if (value == null) {
      throw new IllegalStateException("column " + column + " is not an integer");
    }
    return value;
  }

  public boolean bool(String column) {
    Boolean value = field(column).booleanValue();
    if (value == null) {
      throw new IllegalStateException("column " + column + " is not a boolean");
    }
    return value;
  }

  /** A timestamp column, or null for SQL NULL. */
  public Instant instant(String column) {
    String text = text(column);
    return text == null ? null : LocalDateTime.parse(text, TIMESTAMP).toInstant(ZoneOffset.UTC);
  }

  public UUID uuid(String column) {
    String text = text(column);
    return text == null ? null : UUID.fromString(text);
  }

  private Field field(String column) {
    Integer index = columns.get(column);
    if (index == null) {
      throw new IllegalArgumentException("no column " + column + " in " + columns.keySet());
    }
    return fields.get(index);
  }
}
