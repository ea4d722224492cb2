package dev.csat.core;

import java.time.Duration;

/**
 * Something the service depends on (the database resuming, API Gateway's control plane busy) is
 * not answering now; the caller should retry after a while: 503.
 */
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
