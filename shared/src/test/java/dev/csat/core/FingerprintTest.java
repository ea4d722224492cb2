package dev.csat.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class FingerprintTest {
  @Test
  void isStableAndTellsPartsApart() {
    assertEquals(Fingerprint.of("a", "b"), Fingerprint.of("a", "b"));
    assertNotEquals(Fingerprint.of("ab", "c"), Fingerprint.of("a", "bc"));
    assertNotEquals(Fingerprint.of("a", null), Fingerprint.of("a", ""));
    assertNotEquals(Fingerprint.of("a", "-"), Fingerprint.of("a", null));
  }
}
