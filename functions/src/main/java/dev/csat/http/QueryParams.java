package dev.csat.http;

import dev.csat.core.Checks;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a call's query parameters, collecting every problem in one {@link Checks}. List
 * parameters may repeat or hold comma-separated values. Unknown parameters are refused, so a
 * typo never silently widens a filter.
 */
public final class QueryParams {
  private final Call<?> call;
  private final Checks checks = new Checks();

  /** The call's parameters; any outside {@code known} is a problem. */
  public QueryParams(Call<?> call, Set<String> known) {
    this.call = call;
    for (String name : call.queryParameters().keySet()) {
      if (!known.contains(name)) {
        checks.add(name, "is not a known query parameter");
      }
    }
  }

  public Checks checks() {
    return checks;
  }

  /** A parameter given at most once, or null when absent. */
  public String single(String name) {
    List<String> values = call.query(name);
    if (values.size() > 1) {
      checks.add(name, "must be given once");
      return null;
    }
    return values.isEmpty() ? null : values.getFirst();
  }

  /** Every value of a list parameter: repeated, comma-separated or both. */
  public List<String> items(String name) {
    List<String> items = new ArrayList<>();
    for (String value : call.query(name)) {
      items.addAll(List.of(value.split(",", -1)));
    }
    return items;
  }

  /** An integer parameter within [min, max], or null when absent. */
  public Long integer(String name, long min, long max) {
    String value = single(name);
    if (value == null) {
      return null;
    }
    try {
      long number = Long.parseLong(value);
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    checks.add(name, "must be an integer from " + min + " to " + max);
    return null;
  }

  /** true or false, or null when absent. */
  public Boolean bool(String name) {
    String value = single(name);
    if (value == null) {
      return null;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> {
        checks.add(name, "must be true or false");
        yield null;
      }
    };
  }

  /** An IANA time zone, UTC when absent; null after recording a problem. */
  public ZoneId zone(String name) {
    String value = single(name);
    if (value == null) {
      // Named "UTC", as a caller names it and as answers echo it back (ZoneOffset.UTC is "Z").
      return ZoneId.of("UTC");
    }
    try {
      // Region ids (Europe/Berlin) and UTC; bare offsets would ignore daylight saving time.
      ZoneId zone = ZoneId.of(value);
      if (!(zone instanceof ZoneOffset) || value.equals("UTC")) {
        return zone;
      }
    } catch (DateTimeException e) {
      // reported below
    }
    checks.add(name, "must be an IANA time zone such as Europe/Berlin or UTC");
    return null;
  }

  /** A date as YYYY-MM-DD from 1970 to 9999, or null when absent or after recording a problem. */
  public LocalDate date(String name) {
    String value = single(name);
    if (value == null) {
      return null;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      checks.add(name, "must be a date as YYYY-MM-DD");
      return null;
    }
    if (date.getYear() < 1970 || date.getYear() > 9999) {
      checks.add(name, "must be a date from 1970-01-01 to 9999-12-31");
      return null;
    }
    return date;
  }
}
