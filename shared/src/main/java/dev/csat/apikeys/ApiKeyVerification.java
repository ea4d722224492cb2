package dev.csat.apikeys;

import dev.csat.auth.ApiKeyVerifier;
import dev.csat.auth.Caller;
import dev.csat.auth.VerifiedCredential;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link ApiKeyVerifier} over stored keys, for the authorizer: one lookup by the id in the key,
 * the secret's hash compared in constant time. The last-use time is written only when it is
 * missing or older than {@link #LAST_USED_PRECISION}, so a busy key costs one statement per
 * verification, not two (and API Gateway caches the authorizer's answer in front of that). A
 * key with a meter is named by its {@link UsagePlanKeys#valueFor usage value}.
 */
public final class ApiKeyVerification implements ApiKeyVerifier {
  /** How stale {@code last_used_at} may get before a use rewrites it. */
  public static final Duration LAST_USED_PRECISION = Duration.ofMinutes(5);
  /** The principal of a key's caller: {@code apikey:<id>}. */
  public static final String PRINCIPAL_PREFIX = "apikey:";

  private final ApiKeyRepository repository;
  private final Clock clock;

  public ApiKeyVerification(ApiKeyRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  @Override
  public Optional<VerifiedCredential> verify(String presentedKey) {
    Optional<ApiKeySecret> presented = ApiKeySecret.parse(presentedKey);
    if (presented.isEmpty()) {
      return Optional.empty();
    }
    ApiKeySecret key = presented.get();
    Optional<StoredApiKey> found = repository.find(key.id());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    StoredApiKey stored = found.get();
    if (!key.matches(stored.secretHash()) || stored.revokedAt() != null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Instant notBefore = now.minus(LAST_USED_PRECISION);
    if (stored.lastUsedAt() == null || stored.lastUsedAt().isBefore(notBefore)) {
      repository.recordUse(stored.tenant(), key.id(), now, notBefore);
    }
    var caller = new Caller(stored.tenant(), PRINCIPAL_PREFIX + key.id(), stored.scopes(), null);
    return Optional.of(new VerifiedCredential(caller, stored.usageKeyId() == null ? null : UsagePlanKeys.valueFor(key.id())));
  }
}
