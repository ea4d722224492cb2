package dev.csat.apikeys;

import dev.csat.auth.Caller;
import dev.csat.core.ForbiddenException;
import dev.csat.core.NotFoundException;
import dev.csat.core.Uuid7;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Use case: a tenant's API keys, created, listed and revoked by its administrators. */
public final class ApiKeys {
  private final ApiKeyRepository repository;
  private final Clock clock;

  public ApiKeys(ApiKeyRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  /**
   * Creates a key for the caller's tenant. A caller grants only scopes it holds itself, so a key
   * can never be a way to more rights than its creator has.
   */
  public IssuedApiKey create(Caller caller, NewApiKey request) {
    List<String> notHeld = request.scopes().stream().filter(scope -> !caller.hasScope(scope)).toList();
    if (!notHeld.isEmpty()) {
      throw new ForbiddenException("you cannot grant scopes you do not hold: " + String.join(", ", notHeld));
    }
    Instant now = clock.instant();
    UUID id = Uuid7.at(now);
    ApiKeySecret secret = ApiKeySecret.generate(id);
    ApiKey key = new ApiKey(id, request.name(), request.scopes(), now, null, null);
    repository.create(caller.tenant(), key, secret.hashHex());
    return new IssuedApiKey(key, secret.token());
  }

  public List<ApiKey> list(String tenant) {
    return repository.list(tenant);
  }

  /** Revokes the key; revoking a revoked key again changes nothing and is not an error. */
  public void revoke(String tenant, UUID id) {
    if (!repository.revoke(tenant, id, clock.instant())) {
      throw new NotFoundException("API key '" + id + "' not found");
    }
  }
}
