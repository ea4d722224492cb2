package dev.csat.feedback;

import java.util.Locale;

/** The comparison operators of the filter language (seed 004). */
public enum Operator implements WireNamed {
  EQ, NEQ, IN, NOT_IN, GT, GTE, LT, LTE, LIKE, ILIKE;

  @Override
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code in} and {@code not_in} take an array of values; the others one value. */
  public boolean takesList() {
    return this == IN || this == NOT_IN;
  }
}
