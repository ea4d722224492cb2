package dev.csat.core;

/**
 * A failure the caller can be told about. Each subtype maps to one row of the error table
 * (status and stable {@code code}); the message is the problem's {@code detail} and must never
 * carry SQL, stack traces or secrets.
 */
public abstract sealed class CsatException extends RuntimeException
    permits ValidationException, UnauthorizedException, ForbiddenException, NotFoundException,
        ConflictException, UnavailableException, ContentTooLargeException {

  protected CsatException(String detail) {
    super(detail, null, false, false);
  }

  protected CsatException(String detail, Throwable cause) {
    super(detail, cause, false, true);
  }
}
