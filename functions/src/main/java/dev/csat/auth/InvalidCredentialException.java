package dev.csat.auth;

/**
 * A credential that does not authenticate anybody: missing, malformed, forged, expired or
 * unknown. The message is the reason, written for the log; it never quotes the credential or
 * any key material. The authorizer turns every one of these into API Gateway's 401.
 */
public final class InvalidCredentialException extends RuntimeException {
  public InvalidCredentialException(String reason) {
    // No stack trace: rejections are routine, and the reason says everything the log needs.
    super(reason, null, false, false);
  }
}
