package dev.csat.feedback;

import dev.csat.core.Checks;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One validated filter: a field, an operator and its values (one, or 1 to 100 for {@code in} and
 * {@code not_in}), typed by the field: String for keys, emails, countries, enums and patterns,
 * Integer for ratings, Instant for times, Boolean for {@code has_comment}.
 */
public record Condition(FilterField field, Operator operator, List<Object> values) {
  public static final int MAX_VALUES = 100;
  private static final int MAX_PATTERN_LENGTH = 255;

  public Condition {
    values = List.copyOf(values);
  }

  /** A condition built from values already validated. */
  public static Condition of(FilterField field, Operator operator, Object... values) {
    return new Condition(field, operator, List.of(values));
  }

  /** The one value of a single-valued operator. */
  public Object value() {
    return values.getFirst();
  }

  /**
   * Reads one filter of the filter language; records each problem under {@code at} (the filter's
   * place in the request, e.g. {@code query[0]}) and returns null if there is any.
   *
   * @param value a JSON value as plain Java: String, Integer, Boolean, a List of those, or
   *     anything else (which is always refused)
   */
  public static Condition parse(String filterType, String operator, Object value, String at, Checks checks) {
    var field = filterType == null ? null : WireNamed.parse(FilterField.class, filterType).orElse(null);
    if (filterType != null && field == null) {
      checks.add(at + ".filter_type", "must be one of " + WireNamed.list(FilterField.class));
    }
    var op = operator == null ? null : WireNamed.parse(Operator.class, operator).orElse(null);
    if (operator != null && op == null) {
      checks.add(at + ".operator", "must be one of " + WireNamed.list(Operator.class));
    }
    if (field == null || op == null) {
      return null;
    }
    if (!field.operators().contains(op)) {
      checks.add(at + ".operator", "filter_type \"" + field.wireName() + "\" takes only "
          + field.operators().stream().map(Operator::wireName).toList());
      return null;
    }
    List<Object> values = values(field, op, value, at + ".value", checks);
    return values == null ? null : new Condition(field, op, values);
  }

  /** The values of {@code field} and {@code op}, validated; null after recording a problem. */
  public static List<Object> values(FilterField field, Operator op, Object value, String name, Checks checks) {
    if (!op.takesList()) {
      Object one = one(field, op, value, name, checks);
      return one == null ? null : List.of(one);
    }
    if (!(value instanceof List<?> list) || list.isEmpty() || list.size() > MAX_VALUES) {
      checks.add(name, "must be an array of 1 to " + MAX_VALUES + " values");
      return null;
    }
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Object one = one(field, op, list.get(i), name + "[" + i + "]", checks);
      if (one != null && !values.contains(one)) {
        values.add(one);
      }
    }
    return checks.hasProblemWith(name) || values.isEmpty() ? null : values;
  }

  private static Object one(FilterField field, Operator op, Object value, String name, Checks checks) {
    if (value == null) {
      checks.add(name, "is required");
      return null;
    }
    if (op == Operator.LIKE || op == Operator.ILIKE) {
      return value instanceof String text
          ? checks.text(name, text, 1, MAX_PATTERN_LENGTH)
          : refuse(name, "must be a LIKE pattern (a string; % and _ are wildcards)", checks);
    }
    return switch (field.kind()) {
      case KEY -> value instanceof String text ? checks.key(name, text) : refuse(name, "must be a string", checks);
      case EMAIL -> value instanceof String text ? checks.email(name, text) : refuse(name, "must be a string", checks);
      case COUNTRY -> value instanceof String text && text.matches("[A-Za-z]{2}")
          ? text.toUpperCase(Locale.ROOT)
          : refuse(name, "must be an ISO 3166-1 alpha-2 country code", checks);
      case SOURCE -> wireName(Source.class, value, name, checks);
      case SCALE -> wireName(Scale.class, value, name, checks);
      case STATE -> wireName(State.class, value, name, checks);
      case RATING -> value instanceof Integer rating
          ? checks.range(name, rating, 0, Scale.TEN.max())
          : refuse(name, "must be an integer from 0 to " + Scale.TEN.max(), checks);
      case TIME -> time(value, name, checks);
      case BOOLEAN -> value instanceof Boolean bool ? bool : refuse(name, "must be true or false", checks);
      case TEXT -> refuse(name, "must be a LIKE pattern", checks);
    };
  }

  private static <E extends Enum<E> & WireNamed> String wireName(Class<E> type, Object value, String name,
      Checks checks) {
    if (!(value instanceof String text)) {
      return refuse(name, "must be one of " + WireNamed.list(type), checks);
    }
    return WireNamed.read(type, text, name, checks) == null ? null : text;
  }

  private static Instant time(Object value, String name, Checks checks) {
    if (value instanceof String text) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e) {
        // refused below
      }
    }
    return refuse(name, "must be an ISO-8601 date-time with an offset, e.g. 2026-03-05T14:32:00.000Z", checks);
  }

  private static <T> T refuse(String name, String reason, Checks checks) {
    checks.add(name, reason);
    return null;
  }
}
