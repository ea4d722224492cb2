package dev.csat.apikeys;

import java.time.Instant;
import java.util.Set;

/**
 * What verifying a presented key needs from storage: whose key it is, what it grants, the hash
 * to compare with, whether it was revoked or recently used, and whether a usage plan meters it.
 *
 * @param secretHash SHA-256 of the secret part, lower-case hex
 * @param usageKeyId the API Gateway key metering it ({@link UsagePlanKeys}); null for keys created
 *     before keys were metered
 */
public record StoredApiKey(
    String tenant, Set<String> scopes, String secretHash, Instant revokedAt, Instant lastUsedAt, String usageKeyId) {
  public StoredApiKey {
    scopes = Set.copyOf(scopes);
  }

  @Override
  public String toString() {
    return "StoredApiKey[tenant=" + tenant + ", scopes=" + scopes + ", revokedAt=" + revokedAt
        + ", lastUsedAt=" + lastUsedAt + ", usageKeyId=" + usageKeyId + "]";
  }
}
