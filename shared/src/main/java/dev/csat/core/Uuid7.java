package dev.csat.core;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/** UUIDv7 ids (RFC 9562): time-ordered, so new rows append to the primary key index. */
public final class Uuid7 {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Uuid7() {}

  public static UUID at(Instant time) {
    long millis = time.toEpochMilli();
    long randA = RANDOM.nextInt(1 << 12);
    long msb = (millis << 16) | (0x7L << 12) | randA;
    long lsb = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(msb, lsb);
  }
}
