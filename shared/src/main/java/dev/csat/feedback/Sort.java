package dev.csat.feedback;

/** A list's order: a field and a direction (newest first unless asked otherwise). */
public record Sort(SortField field, boolean descending) {
  public static final Sort NEWEST_FIRST = new Sort(SortField.CREATED_AT, true);
}
