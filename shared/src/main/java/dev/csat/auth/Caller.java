package dev.csat.auth;

import java.util.Set;

/**
 * Who is calling, as the authorizer established it from the credential: the tenant every read
 * and write is confined to, the scopes granted, and for an end-user token the email it may act for.
 *
 * @param principal the credential's subject (a JWT {@code sub} or an API key id), for logs
 * @param email null unless the credential is an end-user token
 */
public record Caller(String tenant, String principal, Set<String> scopes, String email) {
  public Caller {
    scopes = Set.copyOf(scopes);
  }

  public boolean hasScope(String scope) {
    return scopes.contains(scope);
  }

  /** End-user tokens carry an email and may only act for that user. */
  public boolean isEndUser() {
    return email != null;
  }
}
