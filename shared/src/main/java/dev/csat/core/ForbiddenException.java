package dev.csat.core;

/** A valid credential that does not allow this operation: 403. */
public final class ForbiddenException extends CsatException {
  public ForbiddenException(String detail) {
    super(detail);
  }
}
