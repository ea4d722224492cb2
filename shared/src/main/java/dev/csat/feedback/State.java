package dev.csat.feedback;

import java.util.Locale;

/** Where a feedback stands in the support team's workflow. New feedback is {@code open}. */
public enum State implements WireNamed {
  OPEN, IN_PROGRESS, DONE;

  @Override
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
