package dev.csat.apikeys;

import dev.csat.auth.Scopes;
import dev.csat.core.Checks;
import java.util.List;
import java.util.TreeSet;

/**
 * An API key to create: a name for people, and the scopes it grants (validated, sorted). While a
 * request is being read, a component is null when its input was missing or invalid.
 */
public record NewApiKey(String name, List<String> scopes) {
  public NewApiKey {
    scopes = scopes == null ? null : ApiKey.sorted(scopes);
  }

  /**
   * The scopes field of a request: a non-empty list of scopes of the specification. Records each
   * problem under {@code field} (or {@code field[i]}); returns null when any was found.
   */
  public static List<String> checkScopes(Checks checks, String field, List<String> scopes) {
    if (scopes == null) {
      return null;
    }
    if (scopes.isEmpty()) {
      checks.add(field, "must name at least one scope");
      return null;
    }
    boolean valid = true;
    for (int i = 0; i < scopes.size(); i++) {
      if (!Scopes.ALL.contains(scopes.get(i))) {
        checks.add(field + "[" + i + "]", "must be one of " + String.join(", ", new TreeSet<>(Scopes.ALL)));
        valid = false;
      }
    }
    return valid ? scopes : null;
  }
}
