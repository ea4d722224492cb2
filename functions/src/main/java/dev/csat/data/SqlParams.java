package dev.csat.data;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.rdsdata.model.Field;
import software.amazon.awssdk.services.rdsdata.model.SqlParameter;
import software.amazon.awssdk.services.rdsdata.model.TypeHint;

/** Named parameters of one statement, typed the way the Data API wants them. */
public final class SqlParams {
  // The Data API's TIMESTAMP literal; the session time zone of Aurora (and ours locally) is UTC.
  static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
  private static final Field NULL = Field.builder().isNull(true).build();

  private final List<SqlParameter> parameters = new ArrayList<>();

  private SqlParams() {}

  public static SqlParams of() {
    return new SqlParams();
  }

  /** Whether a parameter of this name is bound already. */
  public boolean has(String name) {
    return parameters.stream().anyMatch(parameter -> parameter.name().equals(name));
  }

  /** A text value; {@code null} binds SQL NULL. */
  public SqlParams text(String name, String value) {
    return add(name, value == null ? NULL : Field.builder().stringValue(value).build(), null);
  }

  /** An integer; {@code null} binds SQL NULL. */
  public SqlParams integer(String name, Integer value) {
    return add(name, value == null ? NULL : Field.builder().longValue(value.longValue()).build(), null);
  }

  /** A 64-bit integer; {@code null} binds SQL NULL. */
  public SqlParams bigint(String name, Long value) {
    return add(name, value == null ? NULL : Field.builder().longValue(value).build(), null);
  }

  /** A boolean; {@code null} binds SQL NULL. */
  public SqlParams bool(String name, Boolean value) {
    return add(name, value == null ? NULL : Field.builder().booleanValue(value).build(), null);
  }

  public SqlParams timestamp(String name, Instant value) {
    return add(name, value == null ? NULL : Field.builder().stringValue(TIMESTAMP.format(value)).build(),
        value == null ? null : TypeHint.TIMESTAMP);
  }

  public SqlParams uuid(String name, UUID value) {
    return add(name, value == null ? NULL : Field.builder().stringValue(value.toString()).build(),
        value == null ? null : TypeHint.UUID);
  }

  List<SqlParameter> toList() {
    return List.copyOf(parameters);
  }

  private SqlParams add(String name, Field value, TypeHint hint) {
    parameters.add(SqlParameter.builder().name(name).value(value).typeHint(hint).build());
    return this;
  }
}
