package dev.csat.local.dataapi;

import java.time.Duration;

/**
 * The real service's limits: a statement is cancelled after 45 s (unless continueAfterTimeout), a
 * transaction no call has used for 3 minutes is rolled back, and a result over 1 MiB is refused.
 * Tests shrink them to exercise those paths quickly.
 */
record Limits(Duration statementTimeout, Duration transactionIdleTimeout, int maxResponseBytes) {
  static final Limits AURORA = new Limits(Duration.ofSeconds(45), Duration.ofMinutes(3), 1024 * 1024);
}
