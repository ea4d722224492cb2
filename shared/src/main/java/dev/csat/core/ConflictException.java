package dev.csat.core;

/** A natural key or idempotency key is already taken by something else: 409. */
public final class ConflictException extends CsatException {
  public ConflictException(String detail) {
    super(detail);
  }
}
