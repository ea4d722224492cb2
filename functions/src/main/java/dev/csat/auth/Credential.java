package dev.csat.auth;

/** The one credential a request presents: a JWT or an API key ({@code csk_...}). */
public sealed interface Credential {

  /** A bearer JWT, still to be verified. */
  record Jwt(String token) implements Credential {
    // Redacted: a record's default toString would put the token in any log that prints it.
    @Override
    public String toString() {
      return "Jwt[redacted]";
    }
  }

  /** An API key as presented, still to be verified. */
  record ApiKey(String key) implements Credential {
    @Override
    public String toString() {
      return "ApiKey[redacted]";
    }
  }
}
