package dev.csat.analytics;

import dev.csat.feedback.WireNamed;
import java.util.Optional;

/** What a breakdown groups by: a {@link Dimension}, or the source (a column of every rollup row). */
public enum BreakdownField implements WireNamed {
  PRODUCT(Dimension.PRODUCT), FEATURE(Dimension.FEATURE), SOURCE(null), PLATFORM(Dimension.PLATFORM),
  COMPANY(Dimension.COMPANY), AGENT(Dimension.AGENT), CARRIER(Dimension.CARRIER);

  private final Dimension dimension;

  BreakdownField(Dimension dimension) {
    this.dimension = dimension;
  }

  /** The dimension whose values are the groups; empty for the source. */
  public Optional<Dimension> dimension() {
    return Optional.ofNullable(dimension);
  }

  @Override
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
