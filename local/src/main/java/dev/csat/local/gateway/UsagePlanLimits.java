package dev.csat.local.gateway;

/**
 * A usage plan's limits for each of its keys, as {@code template.yaml} sets them on the plan for
 * API keys: a token bucket ({@code ratePerSecond} refill, {@code burst} size) and a daily quota.
 */
public record UsagePlanLimits(double ratePerSecond, int burst, long quotaPerDay) {
  public UsagePlanLimits {
    if (!(ratePerSecond > 0) || burst < 1 || quotaPerDay < 1) {
      throw new IllegalArgumentException("usage plan limits must be positive: " + ratePerSecond + "/s, burst "
          + burst + ", " + quotaPerDay + " a day");
    }
  }
}
