package dev.csat.feedback;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where the inbox's feedbacks live. Every method reads or writes one tenant's rows only. */
public interface InboxRepository {
  Creation create(String tenant, IncomingFeedback feedback, UUID newId, Instant now);

  Optional<InboxFeedback> find(String tenant, UUID id);

  /**
   * Up to {@code limit} feedbacks of the query in its order, from {@code cursor} on (null: from
   * the start). Fewer when the rows would not fit in one database response; {@code more} then
   * says so. For a cursor pointing backwards, the rows just before it, still in list order.
   */
  Slice slice(FeedbackQuery query, Cursor cursor, int limit);

  /** The feedbacks from position {@code start} (0-based), with the tenant's total and the query's. */
  Table table(FeedbackQuery query, long start, int limit);

  long count(FeedbackQuery query);

  /** Adds the follow-up unless the feedback has one. */
  FollowUpChange addFollowUp(String tenant, UUID id, String comment, String author, Instant now);

  /** Replaces the follow-up's text if the feedback has one. */
  FollowUpChange editFollowUp(String tenant, UUID id, String comment, String author, Instant now);

  Optional<InboxFeedback> setState(String tenant, UUID id, State state, Instant now);

  /** The tenant's agents by name, at most {@code limit}. */
  List<Agent> agents(String tenant, int limit);

  /** @param more whether rows beyond these exist in the direction read */
  record Slice(List<InboxFeedback> rows, boolean more) {}

  record Table(List<InboxFeedback> rows, long total, long filtered) {}

  /** The outcome of ingesting a feedback. */
  sealed interface Creation {
    record Stored(InboxFeedback feedback) implements Creation {}

    record ProductMissing() implements Creation {}

    record FeatureMissing() implements Creation {}

    /** The idempotency key was used before for different content. */
    record KeyReused() implements Creation {}
  }

  /** The outcome of adding or editing a follow-up. */
  sealed interface FollowUpChange {
    record Changed(InboxFeedback feedback) implements FollowUpChange {}

    record FeedbackMissing() implements FollowUpChange {}

    /** Adding when one exists, or editing when none does. */
    record Refused() implements FollowUpChange {}
  }
}
