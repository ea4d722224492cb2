package dev.csat.apikeys;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * An API key of a tenant as its administrators see it: never its secret. {@code lastUsedAt} is
 * kept to within {@link ApiKeyVerification#LAST_USED_PRECISION}; both it and {@code revokedAt}
 * are null until that happens.
 *
 * @param scopes what the key may do, sorted and without repeats
 */
public record ApiKey(
    UUID id, String name, List<String> scopes, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

  public ApiKey {
    scopes = sorted(scopes);
  }

  /** A stable order for responses and storage. */
  static List<String> sorted(Collection<String> scopes) {
    return scopes.stream().distinct().sorted().toList();
  }
}
