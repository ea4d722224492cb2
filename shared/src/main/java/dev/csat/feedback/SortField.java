package dev.csat.feedback;

/**
 * What a feedback list can be sorted by. Every sort ends with the id as a tie-break, so the order
 * is total and keyset pages never skip or repeat a row. A missing reference or company sorts as
 * the empty string.
 */
public enum SortField implements WireNamed {
  CREATED_AT("created_at"),
  UPDATED_AT("updated_at"),
  RATING("rating"),
  SOURCE("source"),
  REFERENCE("reference"),
  COMPANY_ID("company_id");

  private final String wireName;

  SortField(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  /** The feedback's sort value as a cursor carries it (the id alone places a feedback in creation order). */
  public String valueOf(InboxFeedback feedback) {
    return switch (this) {
      case CREATED_AT -> "";
      case UPDATED_AT -> feedback.updatedAt().toString();
      case RATING -> Integer.toString(feedback.rating());
      case SOURCE -> feedback.source().wireName();
      case REFERENCE -> feedback.reference() == null ? "" : feedback.reference();
      case COMPANY_ID -> feedback.companyId() == null ? "" : feedback.companyId();
    };
  }
}
