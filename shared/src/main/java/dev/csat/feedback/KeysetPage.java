package dev.csat.feedback;

import java.util.List;

/**
 * A page of a list (seed 004): {@code next} and {@code previous} are opaque cursors, null when
 * there is nothing that way; {@code hasMore} says whether pages follow this one.
 */
public record KeysetPage(List<InboxFeedback> data, String next, String previous, boolean hasMore) {}
