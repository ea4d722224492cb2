package dev.csat.feedback;

import java.util.UUID;

/**
 * A place in a sorted list: just after (or, for the previous page, just before) the feedback
 * with this sort value and id.
 */
public record Cursor(boolean before, String sortValue, UUID id) {
  public static Cursor after(SortField sort, InboxFeedback feedback) {
    return new Cursor(false, sort.valueOf(feedback), feedback.id());
  }

  public static Cursor before(SortField sort, InboxFeedback feedback) {
    return new Cursor(true, sort.valueOf(feedback), feedback.id());
  }
}
