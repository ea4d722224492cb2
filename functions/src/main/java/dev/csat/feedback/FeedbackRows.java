package dev.csat.feedback;

import dev.csat.data.Row;

/** The columns an inbox feedback is read from, and the mapping of a row to it. */
public final class FeedbackRows {
  /** Over {@code feedbacks AS f}. */
  public static final String COLUMNS = """
      f.id, f.product_key, f.feature_key, f.user_email, f.respondent_id, f.rating, f.scale, f.comment,
      f.source, f.platform, f.reference, f.company_id, f.company_name, f.agent_id, f.carrier, f.country,
      f.metadata::text AS metadata, f.state, f.follow_up_comment, f.follow_up_created_by,
      f.follow_up_created_at, f.follow_up_updated_by, f.follow_up_updated_at, f.user_agent,
      f.created_at, f.updated_at""";

  private FeedbackRows() {}

  public static InboxFeedback read(Row row) {
    FollowUp followUp = row.isNull("follow_up_comment") ? null : new FollowUp(
        row.text("follow_up_comment"),
        row.text("follow_up_created_by"),
        row.instant("follow_up_created_at"),
        row.text("follow_up_updated_by"),
        row.instant("follow_up_updated_at"));
    return new InboxFeedback(
        row.uuid("id"),
        row.text("product_key"),
        row.text("feature_key"),
        row.text("user_email"),
        row.text("respondent_id"),
        row.integer("rating"),
        WireNamed.parse(Scale.class, row.text("scale")).orElseThrow(),
        row.text("comment"),
        WireNamed.parse(Source.class, row.text("source")).orElseThrow(),
        row.text("platform"),
        row.text("reference"),
        row.text("company_id"),
        row.text("company_name"),
        row.text("agent_id"),
        row.text("carrier"),
        row.text("country"),
        row.text("metadata"),
        WireNamed.parse(State.class, row.text("state")).orElseThrow(),
        followUp,
        row.text("user_agent"),
        row.instant("created_at"),
        row.instant("updated_at"));
  }
}
