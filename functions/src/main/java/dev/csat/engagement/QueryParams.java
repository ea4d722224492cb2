package dev.csat.engagement;

import dev.csat.core.Checks;
import dev.csat.http.Call;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The query string of the engagement reads. Unknown parameters are refused, so a misspelt
 * filter never silently widens a list; every problem is reported at once.
 */
final class QueryParams {
  private final Call<?> call;
  private final Checks checks = new Checks();

  private QueryParams(Call<?> call) {
    this.call = call;
  }

  /** Reads the call's query string, which may hold only the {@code known} parameters. */
  static QueryParams read(Call<?> call, Set<String> known) {
    var params = new QueryParams(call);
    call.queryParameters().keySet().stream()
        .filter(name -> !known.contains(name))
        .sorted()
        .forEach(name -> params.checks.add(name, "is not a known query parameter"));
    return params;
  }

  Checks checks() {
    return checks;
  }

  /** {@code limit}: 1 to {@link Engagement#MAX_LIMIT}, {@link Engagement#DEFAULT_LIMIT} when absent. */
  int limit() {
    String value = single("limit");
    if (value == null) {
      return Engagement.DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= Engagement.MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    checks.add("limit", "must be an integer from 1 to " + Engagement.MAX_LIMIT);
    return Engagement.DEFAULT_LIMIT;
  }

  /** {@code true} or {@code false}, or null when absent. */
  Boolean bool(String name) {
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

  /** A key ({@code [A-Za-z0-9._+-]{1,255}}), or null when absent. */
  String key(String name) {
    return checks.key(name, single(name));
  }

  /** A parameter given at most once, or null when absent. */
  String single(String name) {
    List<String> values = call.query(name);
    if (values.size() > 1) {
      checks.add(name, "must be given once");
      return null;
    }
    return values.isEmpty() ? null : values.getFirst();
  }

  void throwIfAny() {
    checks.throwIfAny();
  }
}
