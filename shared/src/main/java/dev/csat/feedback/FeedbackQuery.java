package dev.csat.feedback;

import dev.csat.core.Fingerprint;
import java.util.List;

/** Which feedbacks of a tenant a list, count or export is about, and in which order. All conditions must hold. */
public record FeedbackQuery(String tenant, List<Condition> conditions, Sort sort) {
  public FeedbackQuery {
    conditions = List.copyOf(conditions);
  }

  /** Identifies the query, so a cursor is only ever used with the query it was made for. */
  public String fingerprint() {
    return Fingerprint.of(tenant, sort.toString(), conditions.toString());
  }
}
