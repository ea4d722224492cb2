package dev.csat.apikeys;

import dev.csat.auth.Caller;
import dev.csat.core.ConflictException;
import dev.csat.core.ForbiddenException;
import dev.csat.core.Limits;
import dev.csat.core.NotFoundException;
import dev.csat.core.Uuid7;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Use case: a tenant's API keys, created, listed and revoked by its administrators. Each key is
 * metered by its own API Gateway key in the usage plan for API keys ({@link UsagePlanKeys}).
 */
public final class ApiKeys {
  private final ApiKeyRepository repository;
  private final UsagePlanKeys usagePlanKeys;
  private final Clock clock;

  public ApiKeys(ApiKeyRepository repository, UsagePlanKeys usagePlanKeys, Clock clock) {
    this.repository = repository;
    this.usagePlanKeys = usagePlanKeys;
    this.clock = clock;
  }

  /**
   * Creates a key for the caller's tenant. A caller grants only scopes it holds itself, so a key
   * can never be a way to more rights than its creator has.
   *
   * <p>A tenant holds at most {@link Limits#MAX_ACTIVE_API_KEYS} unrevoked keys (checked before,
   * not atomically with, the insert: creations racing each other may pass it by a few).
   *
   * <p>The meter comes first: a key stored without one would fail every request (API Gateway
   * refuses a usage identifier no plan knows). When storing fails, the meter is removed again.
   */
  public IssuedApiKey create(Caller caller, NewApiKey request) {
    List<String> notHeld = request.scopes().stream().filter(scope -> !caller.hasScope(scope)).toList();
    if (!notHeld.isEmpty()) {
      throw new ForbiddenException("you cannot grant scopes you do not hold: " + String.join(", ", notHeld));
    }
    if (repository.countActive(caller.tenant()) >= Limits.MAX_ACTIVE_API_KEYS) {
      throw new ConflictException("this tenant already has " + Limits.MAX_ACTIVE_API_KEYS
          + " active API keys, the most it may hold; revoke one to create another");
    }
    Instant now = clock.instant();
    UUID id = Uuid7.at(now);
    ApiKeySecret secret = ApiKeySecret.generate(id);
    ApiKey key = new ApiKey(id, request.name(), request.scopes(), now, null, null);
    String usageKeyId = usagePlanKeys.add(id);
    try {
      repository.create(caller.tenant(), key, secret.hashHex(), usageKeyId);
    } catch (RuntimeException e) {
      try {
        usagePlanKeys.remove(usageKeyId);
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    return new IssuedApiKey(key, secret.token());
  }

  public List<ApiKey> list(String tenant) {
    return repository.list(tenant);
  }

  /**
   * Revokes the key, then deletes its meter. Revoking a revoked key again changes nothing and is
   * not an error, and deletes the meter if an earlier attempt could not: when that deletion fails
   * the key is already revoked, and repeating the call finishes the job.
   */
  public void revoke(String tenant, UUID id) {
    var revoked = repository.revoke(tenant, id, clock.instant())
        .orElseThrow(() -> new NotFoundException("API key '" + id + "' not found"));
    if (revoked.usageKeyId() != null) {
      usagePlanKeys.remove(revoked.usageKeyId());
    }
  }
}
