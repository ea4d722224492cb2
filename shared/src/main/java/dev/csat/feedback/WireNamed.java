package dev.csat.feedback;

import dev.csat.core.Checks;
import java.util.Optional;

/** An enum whose constants travel as fixed lower-case names on the wire and in the database. */
public interface WireNamed {
  String wireName();

  /** The constant of {@code type} whose wire name is {@code value}, if any. */
  static <E extends Enum<E> & WireNamed> Optional<E> parse(Class<E> type, String value) {
    for (E constant : type.getEnumConstants()) {
      if (constant.wireName().equals(value)) {
        return Optional.of(constant);
      }
    }
    return Optional.empty();
  }

  /**
   * The constant named {@code value} (null for null), or null after recording under {@code name}
   * that the value must be one of the wire names.
   */
  static <E extends Enum<E> & WireNamed> E read(Class<E> type, String value, String name, Checks checks) {
    if (value == null) {
      return null;
    }
    return parse(type, value).orElseGet(() -> {
      checks.add(name, "must be one of " + list(type));
      return null;
    });
  }

  /** The wire names of {@code type}, quoted and comma-separated, for error messages. */
  static <E extends Enum<E> & WireNamed> String list(Class<E> type) {
    StringBuilder names = new StringBuilder();
    for (E constant : type.getEnumConstants()) {
      names.append(names.isEmpty() ? "" : ", ").append('"').append(constant.wireName()).append('"');
    }
    return names.toString();
  }
}
