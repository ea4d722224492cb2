package dev.csat.interactions;

import java.util.Locale;
import java.util.Optional;

/** How an in-app rating was given: after our prompt, or on the user's own initiative. */
public enum FeedbackSource {
  PROMPTED,
  VOLUNTARY;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<FeedbackSource> fromWire(String value) {
    for (FeedbackSource source : values()) {
      if (source.wireName().equals(value)) {
        return Optional.of(source);
      }
    }
    return Optional.empty();
  }
}
