package dev.csat.auth;

import java.time.Duration;
import software.amazon.lambda.powertools.parameters.cache.CacheManager;
import software.amazon.lambda.powertools.parameters.secrets.SecretsProvider;

/**
 * The key set kept in a Secrets Manager secret whose SecretString is the same JSON object as
 * {@code CSAT_JWT_KEYS}. Powertools caches the secret for {@link #MAX_AGE}: one call per execution
 * environment every five minutes, and a kid added to the secret is honoured within five minutes.
 * A secret that stops being a valid key set fails verification loudly (500) rather than letting
 * tokens through or rejecting them as if they were forged.
 */
final class SecretsManagerKeySource implements JwtKeySource {
  static final Duration MAX_AGE = Duration.ofMinutes(5);

  private final SecretsProvider secrets;
  private final String secretId;
  private Parsed last;

  SecretsManagerKeySource(String secretId) {
    this(SecretsProvider.builder().withCacheManager(cache()).build(), secretId);
  }

  SecretsManagerKeySource(SecretsProvider secrets, String secretId) {
    this.secrets = secrets;
    this.secretId = secretId;
  }

  /** A cache whose default age is ours: {@code withMaxAge} on the provider lasts for one call only. */
  static CacheManager cache() {
    CacheManager cache = new CacheManager();
    cache.setDefaultExpirationTime(MAX_AGE);
    return cache;
  }

  @Override
  public synchronized JwtKeys current() {
    String json = secrets.get(secretId);
    // Parsed again only when the secret's text changes, not on every request.
    if (last == null || !last.json().equals(json)) {
      last = new Parsed(json, JwtKeys.fromJson(json, "secret " + secretId));
    }
    return last.keys();
  }

  private record Parsed(String json, JwtKeys keys) {
    @Override
    public String toString() {
      return "Parsed" + keys.kids();
    }
  }
}
