package dev.csat.core;

import java.time.Duration;

/** The database is resuming or unreachable; the caller should retry after a while: 503. */
public final class UnavailableException extends CsatException {
  private final Duration retryAfter;

  public UnavailableException(String detail, Duration retryAfter, Throwable cause) {
    super(detail, cause);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
