package dev.csat.local.gateway;

import static dev.csat.local.gateway.UsagePlanMeter.Verdict.ALLOWED;
import static dev.csat.local.gateway.UsagePlanMeter.Verdict.QUOTA_EXCEEDED;
import static dev.csat.local.gateway.UsagePlanMeter.Verdict.THROTTLED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.csat.apikeys.UsagePlanKeys;
import dev.csat.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UsagePlanMeterTest {
  private static final String KEY = UsagePlanKeys.valueFor(UUID.fromString("019a1b2c-3d4e-7f00-8a00-0123456789ab"));
  private static final String OTHER_KEY = UsagePlanKeys.valueFor(UUID.fromString("019a1b2c-3d4e-7f00-8a00-0123456789ac"));

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-05T23:59:58Z"));

  @Test
  void aKeyMaySpendItsBurstThenOneRequestPerRefill() {
    var meter = new UsagePlanMeter(new UsagePlanLimits(2, 3, 1_000), clock);
    assertEquals(ALLOWED, meter.admit(KEY));
    assertEquals(ALLOWED, meter.admit(KEY));
    assertEquals(ALLOWED, meter.admit(KEY));
    assertEquals(THROTTLED, meter.admit(KEY));
    assertEquals(ALLOWED, meter.admit(OTHER_KEY), "every key has its own bucket");

    clock.advance(Duration.ofMillis(500));
    assertEquals(ALLOWED, meter.admit(KEY), "2 a second: one token after half a second");
    assertEquals(THROTTLED, meter.admit(KEY));
    clock.advance(Duration.ofSeconds(10));
    for (int i = 0; i < 3; i++) {
      assertEquals(ALLOWED, meter.admit(KEY));
    }
    assertEquals(THROTTLED, meter.admit(KEY), "the bucket holds the burst at most");
  }

  @Test
  void theQuotaIsPerUtcDayAndThrottledRequestsDoNotCount() {
    var meter = new UsagePlanMeter(new UsagePlanLimits(1, 2, 3), clock);
    assertEquals(ALLOWED, meter.admit(KEY));
    assertEquals(ALLOWED, meter.admit(KEY));
    assertEquals(THROTTLED, meter.admit(KEY));
    clock.advance(Duration.ofMillis(1_000));
    assertEquals(ALLOWED, meter.admit(KEY));
    clock.advance(Duration.ofMillis(500));
    assertEquals(QUOTA_EXCEEDED, meter.admit(KEY), "three a day, and the day is not over");

    clock.advance(Duration.ofMillis(600));
    assertEquals(ALLOWED, meter.admit(KEY), "a new UTC day");
  }

  @Test
  void keysWithoutTheMeteredPrefixAreNotLimited() {
    var meter = new UsagePlanMeter(new UsagePlanLimits(1, 1, 1), clock);
    for (int i = 0; i < 100; i++) {
      assertEquals(ALLOWED, meter.admit("csatcallers0123456789abcdef0123456789ab"));
    }
  }
}
