package dev.csat.interactions;

import dev.csat.data.Row;

/** An {@link Interaction} from a feature_interactions row, for every repository that reads one. */
public final class InteractionRows {
  private InteractionRows() {}

  /** The row's counters and times; the feature key is the caller's, since not every query selects it. */
  public static Interaction interaction(Row row, String featureKey) {
    return new Interaction(
        featureKey,
        row.text("user_email"),
        row.integer("interaction_count"),
        row.longValue("total_interaction_count"),
        row.integer("rejection_count"),
        row.instant("last_feedback_at"),
        row.instant("created_at"),
        row.instant("updated_at"));
  }
}
