package dev.csat.feedback;

import java.util.Locale;

/** Where a rating came from. {@code prompted} and {@code voluntary} are the in-app ratings of seed 000. */
public enum Source implements WireNamed {
  PROMPTED, VOLUNTARY, SURVEY, TICKET, CARRIER, SHOP, API;

  @Override
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
