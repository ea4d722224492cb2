package dev.csat.analytics;

/**
 * A field feedback_rollups counts by (its dim column). A feature's value is "product/feature",
 * so a product filter also selects among features; "" stands for none.
 */
public enum Dimension {
  PRODUCT, FEATURE, PLATFORM, COMPANY, AGENT, CARRIER;

  /** The name stored in feedback_rollups.dim. */
  public String sqlName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
