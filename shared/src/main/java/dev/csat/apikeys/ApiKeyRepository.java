package dev.csat.apikeys;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: where API keys are kept, as a hash of their secret. Scoped to one tenant where it is known. */
public interface ApiKeyRepository {

  /**
   * Stores a new key with the SHA-256 of its secret (lower-case hex) and the id of the API
   * Gateway key metering it.
   */
  void create(String tenant, ApiKey key, String secretHash, String usageKeyId);

  /** How many of the tenant's keys are not revoked. */
  int countActive(String tenant);

  /** The tenant's keys, revoked ones included, newest first. */
  List<ApiKey> list(String tenant);

  /**
   * Marks the key revoked (keeping the first revocation time); empty when the tenant has no such
   * key.
   */
  Optional<Revoked> revoke(String tenant, UUID id, Instant now);

  /** The key with this id, whatever its tenant: a presented key does not say whose it is. */
  Optional<StoredApiKey> find(UUID id);

  /** Sets the key's last use to {@code now}, unless it is already set to {@code notBefore} or later. */
  void recordUse(String tenant, UUID id, Instant now, Instant notBefore);

  /** A revoked key: what is left to remove of it, the API Gateway key metering it (null when none). */
  record Revoked(String usageKeyId) {}
}
