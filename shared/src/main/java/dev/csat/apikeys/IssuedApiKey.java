package dev.csat.apikeys;

/**
 * A key just created, with its whole secret ({@code csk_...}): the one moment the secret exists
 * outside its holder, since only its hash is stored. {@link #toString()} leaves the secret out.
 */
public record IssuedApiKey(ApiKey key, String secret) {
  @Override
  public String toString() {
    return "IssuedApiKey[key=" + key + ", secret=***]";
  }
}
