package dev.csat.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class Uuid7Test {
  @Test
  void isVersion7VariantRfcAndCarriesTheTime() {
    Instant time = Instant.parse("2026-03-05T14:32:00.123Z");
    var id = Uuid7.at(time);
    assertEquals(7, id.version());
    assertEquals(2, id.variant());
    assertEquals(time.toEpochMilli(), id.getMostSignificantBits() >>> 16);
  }

  @Test
  void sortsByTimeAndDoesNotRepeat() {
    var earlier = Uuid7.at(Instant.parse("2026-03-05T14:32:00.000Z"));
    var later = Uuid7.at(Instant.parse("2026-03-05T14:32:00.001Z"));
    assertTrue(earlier.toString().compareTo(later.toString()) < 0);
    var seen = new HashSet<>();
    Instant now = Instant.now();
    for (int i = 0; i < 10_000; i++) {
      assertTrue(seen.add(Uuid7.at(now)));
    }
  }
}
