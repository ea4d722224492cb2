package dev.csat.auth;

import dev.csat.Config;

/**
 * Where the verifier gets the key set. It asks on every verification, so a source that refreshes
 * (Secrets Manager) makes a newly added kid valid without a deploy.
 */
@FunctionalInterface
public interface JwtKeySource {
  JwtKeys current();

  /** A fixed key set (local runs, tests). */
  static JwtKeySource of(JwtKeys keys) {
    return () -> keys;
  }

  /**
   * As configured: in AWS the Secrets Manager secret named by {@code CSAT_JWT_KEYS_SECRET_ARN},
   * locally the JSON object in {@code CSAT_JWT_KEYS}. Fails fast when neither is set, or when
   * {@code CSAT_JWT_KEYS} is not a valid key set, so a misconfigured authorizer never starts.
   */
  static JwtKeySource fromConfig() {
    String secretArn = Config.get("CSAT_JWT_KEYS_SECRET_ARN", null);
    if (secretArn != null) {
      return new SecretsManagerKeySource(secretArn);
    }
    String json = Config.get("CSAT_JWT_KEYS", null);
    if (json == null) {
      throw new IllegalStateException("configuration CSAT_JWT_KEYS_SECRET_ARN or CSAT_JWT_KEYS is not set");
    }
    return of(JwtKeys.fromJson(json, "CSAT_JWT_KEYS"));
  }
}
