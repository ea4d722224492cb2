package dev.csat.apikeys;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An API key as listed: never its secret, nor the secret's hash. */
record ApiKeyView(
    UUID id, String name, List<String> scopes, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

  static ApiKeyView of(ApiKey key) {
    return new ApiKeyView(key.id(), key.name(), key.scopes(), key.createdAt(), key.lastUsedAt(), key.revokedAt());
  }
}
