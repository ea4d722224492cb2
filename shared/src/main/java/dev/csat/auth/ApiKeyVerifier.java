package dev.csat.auth;

import java.util.Optional;

/** Port: checks a presented API key ({@code csk_...}) and says who holds it; empty when it is not valid. */
public interface ApiKeyVerifier {
  Optional<VerifiedCredential> verify(String presentedKey);
}
