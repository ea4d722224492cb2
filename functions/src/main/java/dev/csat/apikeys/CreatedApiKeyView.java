package dev.csat.apikeys;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A key just created, with its secret {@code key}: the only response that ever shows it. */
record CreatedApiKeyView(UUID id, String name, List<String> scopes, String key, Instant createdAt) {

  static CreatedApiKeyView of(IssuedApiKey issued) {
    ApiKey key = issued.key();
    return new CreatedApiKeyView(key.id(), key.name(), key.scopes(), issued.secret(), key.createdAt());
  }

  @Override
  public String toString() {
    return "CreatedApiKeyView[id=" + id + ", name=" + name + ", scopes=" + scopes + ", key=***]";
  }
}
