package dev.csat.feedback;

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

  /** The wire names of {@code type}, quoted and comma-separated, for error messages. */
  static <E extends Enum<E> & WireNamed> String list(Class<E> type) {
    StringBuilder names = new StringBuilder();
    for (E constant : type.getEnumConstants()) {
      names.append(names.isEmpty() ? "" : ", ").append('"').append(constant.wireName()).append('"');
    }
    return names.toString();
  }
}
