package dev.csat.core;

/** No valid credential: 401. */
public final class UnauthorizedException extends CsatException {
  public UnauthorizedException(String detail) {
    super(detail);
  }
}
