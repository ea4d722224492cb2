package dev.csat.feedback;

import dev.csat.core.ConflictException;
import dev.csat.core.NotFoundException;
import dev.csat.core.Uuid7;
import dev.csat.core.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Use case: the feedback inbox (seeds 001 and 004): ingest, find, list, count, follow up, work. */
public final class Inbox {
  /** Most feedbacks a ticket lookup shows, newest first. */
  public static final int MAX_PER_REFERENCE = 100;
  /** Most agents the filter menu lists (500 names of 255 characters stay under the Data API's 1 MiB). */
  public static final int MAX_AGENTS = 500;
  // Clocks of the systems that send feedback drift; a rating from further ahead is a bug.
  private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

  private final InboxRepository repository;
  private final CursorCodec cursors;
  private final Clock clock;

  public Inbox(InboxRepository repository, CursorCodec cursors, Clock clock) {
    this.repository = repository;
    this.cursors = cursors;
    this.clock = clock;
  }

  /** Stores a feedback, or for a retry under the same idempotency key returns the first one. */
  public InboxFeedback create(String tenant, IncomingFeedback feedback) {
    Instant now = clock.instant();
    Instant createdAt = feedback.createdAt() != null ? feedback.createdAt() : now;
    if (createdAt.isAfter(now.plus(MAX_CLOCK_SKEW))) {
      throw ValidationException.of("created_at", "must not be in the future");
    }
    // The id carries the creation time, so ORDER BY id is creation order (see V003).
    return switch (repository.create(tenant, feedback, Uuid7.at(createdAt), now)) {
      case InboxRepository.Creation.Stored stored -> stored.feedback();
      case InboxRepository.Creation.ProductMissing missing ->
          throw ValidationException.of("product_key", "is not a product of this tenant");
      case InboxRepository.Creation.FeatureMissing missing ->
          throw ValidationException.of("feature_key", "is not a feature of this product");
      case InboxRepository.Creation.KeyReused reused -> throw new ConflictException(
          "Idempotency-Key was already used for a different feedback; use a new key for a new submission");
    };
  }

  public InboxFeedback get(String tenant, UUID id) {
    return repository.find(tenant, id).orElseThrow(() -> notFound(id));
  }

  /** The feedback given for a ticket or conversation, newest first; none yet is an empty list. */
  public List<InboxFeedback> byReference(String tenant, String reference) {
    var query = new FeedbackQuery(tenant, List.of(Condition.of(FilterField.REFERENCE, Operator.EQ, reference)),
        Sort.NEWEST_FIRST);
    return repository.slice(query, null, MAX_PER_REFERENCE).rows();
  }

  /**
   * A page of the query after or before a cursor this query returned (at most one of them; both
   * null: the first page). A page may hold fewer than {@code limit} rows when comments are long:
   * follow {@code next} while {@code has_more}.
   */
  public KeysetPage page(FeedbackQuery query, int limit, String after, String before) {
    if (after != null && before != null) {
      throw ValidationException.of("before", "cannot be combined with after");
    }
    String fingerprint = query.fingerprint();
    Cursor cursor = after != null ? cursors.decode(after, fingerprint, "after")
        : before != null ? cursors.decode(before, fingerprint, "before")
        : null;
    var slice = repository.slice(query, cursor, limit);
    List<InboxFeedback> rows = slice.rows();
    if (rows.isEmpty()) {
      return new KeysetPage(rows, null, null, false);
    }
    SortField sort = query.sort().field();
    String next = cursors.encode(Cursor.after(sort, rows.getLast()), fingerprint);
    String previous = cursors.encode(Cursor.before(sort, rows.getFirst()), fingerprint);
    if (cursor != null && cursor.before()) {
      // Read backwards: the cursor's own row comes after this page.
      return new KeysetPage(rows, next, slice.more() ? previous : null, true);
    }
    return new KeysetPage(rows, slice.more() ? next : null, cursor != null ? previous : null, slice.more());
  }

  /** Rows from an offset, for admin tables that show page numbers and totals. */
  public TablePage table(FeedbackQuery query, long start, int limit) {
    var table = repository.table(query, start, limit);
    return new TablePage(table.rows(), table.total(), table.filtered());
  }

  public long count(FeedbackQuery query) {
    return repository.count(query);
  }

  public InboxFeedback addFollowUp(String tenant, UUID id, String comment, String author) {
    return switch (repository.addFollowUp(tenant, id, comment, author, clock.instant())) {
      case InboxRepository.FollowUpChange.Changed changed -> changed.feedback();
      case InboxRepository.FollowUpChange.FeedbackMissing missing -> throw notFound(id);
      case InboxRepository.FollowUpChange.Refused refused -> throw new ConflictException(
          "feedback " + id + " already has a follow-up comment; PUT edits it");
    };
  }

  public InboxFeedback editFollowUp(String tenant, UUID id, String comment, String author) {
    return switch (repository.editFollowUp(tenant, id, comment, author, clock.instant())) {
      case InboxRepository.FollowUpChange.Changed changed -> changed.feedback();
      case InboxRepository.FollowUpChange.FeedbackMissing missing -> throw notFound(id);
      case InboxRepository.FollowUpChange.Refused refused -> throw new NotFoundException(
          "feedback " + id + " has no follow-up comment yet; POST adds one");
    };
  }

  public InboxFeedback setState(String tenant, UUID id, State state) {
    return repository.setState(tenant, id, state, clock.instant()).orElseThrow(() -> notFound(id));
  }

  public List<Agent> agents(String tenant) {
    return repository.agents(tenant, MAX_AGENTS);
  }

  private static NotFoundException notFound(UUID id) {
    return new NotFoundException("feedback " + id + " not found");
  }
}
