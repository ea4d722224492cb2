package dev.csat.local.gateway;

import dev.csat.apikeys.UsagePlanKeys;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The usage plan for API keys, as API Gateway applies it: each usage key the authorizer names
 * gets its own token bucket and daily quota (UTC days). API Gateway knows which plan a key is in
 * because {@code createApiKey} put it there; locally no one registers keys, so every key with the
 * metered prefix ({@link UsagePlanKeys#VALUE_PREFIX}) is in this plan, and any other (the
 * callers' key) is in the plan without limits.
 */
final class UsagePlanMeter {
  enum Verdict { ALLOWED, THROTTLED, QUOTA_EXCEEDED }

  private final UsagePlanLimits limits;
  private final Clock clock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  UsagePlanMeter(UsagePlanLimits limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
  }

  /** Counts one request of {@code usageKey} and says whether it may go on. */
  Verdict admit(String usageKey) {
    if (!usageKey.startsWith(UsagePlanKeys.VALUE_PREFIX)) {
      return Verdict.ALLOWED;
    }
    return buckets.computeIfAbsent(usageKey, key -> new Bucket(limits.burst(), clock.millis())).take(clock.millis());
  }

  private final class Bucket {
    private double tokens;
    private long refilledAt;
    private LocalDate day;
    private long usedToday;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.refilledAt = now;
    }

    synchronized Verdict take(long now) {
      LocalDate today = LocalDate.ofInstant(java.time.Instant.ofEpochMilli(now), ZoneOffset.UTC);
      if (!today.equals(day)) {
        day = today;
        usedToday = 0;
      }
      if (usedToday >= limits.quotaPerDay()) {
        return Verdict.QUOTA_EXCEEDED;
      }
      tokens = Math.min(limits.burst(), tokens + (now - refilledAt) * limits.ratePerSecond() / 1000.0);
      refilledAt = now;
      if (tokens < 1) {
        return Verdict.THROTTLED;
      }
      tokens -= 1;
      usedToday++;
      return Verdict.ALLOWED;
    }
  }
}
