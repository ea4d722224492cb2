package dev.csat.analytics;

import dev.csat.feedback.Scale;
import java.util.ArrayList;
import java.util.List;

/** One rating of one scale: a column of feedback_rollups and a cell of a {@link Tally}. */
public record RatingSlot(Scale scale, int rating) {
  /** Every slot, in the order of feedback_rollups' columns and {@link Tally#ratings()}. */
  public static final List<RatingSlot> ALL = all();

  /** The column of feedback_rollups that counts this slot, e.g. ten_7. */
  public String column() {
    return switch (scale) {
      case TEN -> "ten_";
      case FIVE -> "five_";
      case THUMBS -> "thumbs_";
    } + rating;
  }

  public static int index(Scale scale, int rating) {
    int index = 0;
    for (Scale before : Scale.values()) {
      if (before == scale) {
        return index + rating - scale.min();
      }
      index += before.max() - before.min() + 1;
    }
    throw new IllegalArgumentException(scale.name());
  }

  private static List<RatingSlot> all() {
    List<RatingSlot> slots = new ArrayList<>();
    for (Scale scale : Scale.values()) {
      for (int rating = scale.min(); rating <= scale.max(); rating++) {
        slots.add(new RatingSlot(scale, rating));
      }
    }
    return List.copyOf(slots);
  }
}
