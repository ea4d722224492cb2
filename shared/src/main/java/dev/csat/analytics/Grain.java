package dev.csat.analytics;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The time buckets feedback_rollups keeps, in UTC, finest first. Every time zone's offset has been
 * a whole number of quarter hours since 2000, the earliest date analytics accept (TimeCoverTest
 * checks every zone of the JDK), so every local day, week, month or quarter starts on a
 * quarter-hour bucket and is a sum of whole buckets. TOTAL is one bucket from
 * {@link DateRange#BEFORE_ANY} to {@link DateRange#AFTER_ANY}: every rating, for a range open on
 * both sides.
 */
public enum Grain {
  QUARTER, HOUR, DAY, MONTH, TOTAL;

  /** The name stored in feedback_rollups.grain. */
  public String sqlName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The start of the bucket holding {@code at}. */
  public Instant floor(Instant at) {
    return switch (this) {
      case QUARTER -> Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), 900) * 900);
      case HOUR -> at.truncatedTo(ChronoUnit.HOURS);
      case DAY -> at.truncatedTo(ChronoUnit.DAYS);
      case MONTH -> ZonedDateTime.ofInstant(at, ZoneOffset.UTC).withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS)
          .toInstant();
      case TOTAL -> DateRange.BEFORE_ANY;
    };
  }

  /** The start of the bucket after the one that starts at {@code start}. */
  public Instant next(Instant start) {
    return switch (this) {
      case QUARTER -> start.plusSeconds(900);
      case HOUR -> start.plus(1, ChronoUnit.HOURS);
      case DAY -> start.plus(1, ChronoUnit.DAYS);
      case MONTH -> ZonedDateTime.ofInstant(start, ZoneOffset.UTC).plusMonths(1).toInstant();
      case TOTAL -> DateRange.AFTER_ANY;
    };
  }

  /** Whether {@code at} starts a bucket of this grain. */
  public boolean starts(Instant at) {
    return floor(at).equals(at);
  }
}
