package dev.csat.auth;

import java.util.Map;

/**
 * Finds the credential in a request's headers: {@code Authorization: Bearer <jwt>},
 * {@code Authorization: Bearer csk_...} or {@code X-API-Key: csk_...}. Header names match in any
 * case. Exactly one credential is accepted: both headers at once, or one header given twice, is
 * refused rather than resolved, because picking one would let a client (or a proxy adding a
 * header) decide which identity the request runs as.
 */
public final class Credentials {
  /** Every API key starts with this, which is how a bearer API key is told from a JWT. */
  public static final String API_KEY_PREFIX = "csk_";
  /** Larger credential headers are refused unread. */
  public static final int MAX_HEADER_LENGTH = 8 * 1024;

  private static final String BEARER = "Bearer ";

  private Credentials() {}

  /** The request's credential; throws {@link InvalidCredentialException} when there is not exactly one. */
  public static Credential from(Map<String, String> headers) {
    String authorization = header(headers, "Authorization");
    String apiKey = header(headers, "X-API-Key");
    if (authorization != null && apiKey != null) {
      throw invalid("both Authorization and X-API-Key present");
    }
    if (authorization != null) {
      return bearer(authorization);
    }
    if (apiKey != null) {
      return apiKey(apiKey.strip());
    }
    throw invalid("no credential");
  }

  private static Credential bearer(String authorization) {
    // RFC 9110: the scheme name is case-insensitive.
    if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw invalid("Authorization is not a Bearer credential");
    }
    String credential = authorization.substring(BEARER.length()).strip();
    if (credential.isEmpty()) {
      throw invalid("empty Bearer credential");
    }
    return credential.startsWith(API_KEY_PREFIX) ? new Credential.ApiKey(credential) : new Credential.Jwt(credential);
  }

  private static Credential apiKey(String key) {
    if (!key.startsWith(API_KEY_PREFIX)) {
      throw invalid("X-API-Key is not an API key");
    }
    return new Credential.ApiKey(key);
  }

  /** The value of the header called {@code name} in any case; null when absent. */
  private static String header(Map<String, String> headers, String name) {
    if (headers == null) {
      return null;
    }
    String found = null;
    for (var header : headers.entrySet()) {
      if (name.equalsIgnoreCase(header.getKey()) && header.getValue() != null) {
        if (found != null) {
          throw invalid("more than one " + name + " header");
        }
        found = header.getValue();
      }
    }
    if (found != null && found.length() > MAX_HEADER_LENGTH) {
      throw invalid(name + " header longer than " + MAX_HEADER_LENGTH + " characters");
    }
    return found;
  }

  private static InvalidCredentialException invalid(String reason) {
    return new InvalidCredentialException(reason);
  }
}
