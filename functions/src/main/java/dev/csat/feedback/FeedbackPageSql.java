package dev.csat.feedback;

import dev.csat.core.ValidationException;
import dev.csat.data.SqlParams;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Set;

/**
 * The SQL of list pages. A Data API response may not exceed 1 MiB, and comments are up to 10,000
 * characters, so a page stops early once its rows could exceed {@link #BYTE_BUDGET}: each row is
 * costed at three times the bytes of its text form (JSON escaping at most doubles text without
 * control characters, which Checks refuses; non-ASCII escapes stay within three) plus a fixed
 * allowance for the Data API's per-field wrapping. The first row always fits.
 */
final class FeedbackPageSql {
  static final int BYTE_BUDGET = 900_000;
  private static final String ROW_COST = "(1000 + 3 * octet_length(p::text))";
  // The dimensions of feedback_counts.
  private static final Set<FilterField> COUNTED =
      EnumSet.of(FilterField.STATE, FilterField.SOURCE, FilterField.SCALE, FilterField.RATING);

  private FeedbackPageSql() {}

  /** Rows after (or before) a cursor; {@code fetched} tells whether the byte budget cut the page. */
  static String slice(FeedbackQuery query, Cursor cursor, int limit, SqlParams params) {
    String where = FeedbackFilterSql.where(query, params);
    SortField sort = query.sort().field();
    // Read backwards from a "before" cursor; the caller restores the list order.
    boolean descending = query.sort().descending() != (cursor != null && cursor.before());
    params.integer("fetch", limit + 1);
    String rows;
    if (FewValuesSort.applies(sort)) {
      if (cursor != null) {
        params.uuid("cursor_id", cursor.id());
      }
      rows = FewValuesSort.page(query, where, cursor, descending);
    } else {
      if (cursor != null) {
        where += "\n  AND " + after(sort, descending, cursor, params);
      }
      rows = """
          SELECT %1$s, %2$s AS sort_value
          FROM feedbacks AS f
          WHERE %3$s
          ORDER BY %2$s %4$s, f.id %4$s
          LIMIT :fetch""".formatted(FeedbackRows.COLUMNS, expression(sort), where, direction(descending));
    }
    return """
        SELECT * FROM (
          SELECT p.*, count(*) OVER () AS fetched,
                 sum(%2$s) OVER (ORDER BY p.sort_value %3$s, p.id %3$s ROWS UNBOUNDED PRECEDING) - %2$s AS bytes_before
          FROM (
        %1$s
          ) AS p
        ) AS page
        WHERE bytes_before < %4$d
        ORDER BY sort_value %3$s, id %3$s""".formatted(rows, ROW_COST, direction(descending), BYTE_BUDGET);
  }

  /**
   * Rows from an offset, with the tenant's total and the filter's count in the same statement.
   * The offset is walked over the sort's index alone (only ids and sort values, no table rows);
   * only the page's rows are then read. Both counts come from feedback_counts when they can
   * (see {@link #count}).
   */
  static String table(FeedbackQuery query, long start, int limit, SqlParams params) {
    String where = FeedbackFilterSql.where(query, params);
    String sort = expression(query.sort().field());
    String direction = direction(query.sort().descending());
    params.bigint("start", start).integer("limit", limit);
    return """
        WITH page_ids AS (
          SELECT f.id FROM feedbacks AS f
          WHERE %2$s
          ORDER BY %5$s %4$s, f.id %4$s
          OFFSET :start LIMIT :limit
        )
        SELECT (SELECT coalesce(sum(total), 0)::bigint FROM feedback_counts WHERE tenant_id = :tenant) AS records_total,
               (%7$s) AS records_filtered, page.*
        FROM (SELECT 1) AS one LEFT JOIN (
          SELECT p.*, sum(%3$s) OVER (ORDER BY p.sort_value %4$s, p.id %4$s ROWS UNBOUNDED PRECEDING) - %3$s AS bytes_before
          FROM (
            SELECT %1$s, %5$s AS sort_value
            FROM feedbacks AS f JOIN page_ids USING (id)
            WHERE f.tenant_id = :tenant
          ) AS p
        ) AS page ON page.bytes_before < %6$d
        ORDER BY page.sort_value %4$s, page.id %4$s""".formatted(
        FeedbackRows.COLUMNS, where, ROW_COST, direction, sort, BYTE_BUDGET, countOf(query, where));
  }

  /** The number of feedbacks the query matches. */
  static String count(FeedbackQuery query, SqlParams params) {
    return "SELECT (" + countOf(query, FeedbackFilterSql.where(query, params)) + ") AS count";
  }

  /**
   * A count of the query's rows: summed from feedback_counts (V005) when every condition is on
   * one of its dimensions (or there is none), which costs the same at any size; counted
   * otherwise. The WHERE clause reads the same on both tables: their columns share names.
   */
  private static String countOf(FeedbackQuery query, String where) {
    boolean counted = query.conditions().stream().allMatch(condition -> COUNTED.contains(condition.field()));
    return counted
        ? "SELECT coalesce(sum(f.total), 0)::bigint FROM feedback_counts AS f WHERE " + where
        : "SELECT count(*) FROM feedbacks AS f WHERE " + where;
  }

  private static String expression(SortField sort) {
    return switch (sort) {
      case CREATED_AT -> "f.id"; // ids are in creation order
      case UPDATED_AT -> "f.updated_at";
      case RATING -> "f.rating";
      case SOURCE -> "f.source";
      case REFERENCE -> "coalesce(f.reference, '')";
      case COMPANY_ID -> "coalesce(f.company_id, '')";
    };
  }

  /**
   * Rows strictly past the cursor in the reading direction: a row comparison the sort's index
   * serves (sorts by a field of few values take FewValuesSort's way instead).
   */
  private static String after(SortField sort, boolean descending, Cursor cursor, SqlParams params) {
    String op = descending ? "<" : ">";
    params.uuid("cursor_id", cursor.id());
    if (sort == SortField.CREATED_AT) {
      return "f.id " + op + " :cursor_id";
    }
    String value = switch (sort) {
      case UPDATED_AT -> {
        params.timestamp("cursor_value", instant(cursor.sortValue()));
        yield "CAST(:cursor_value AS timestamptz)";
      }
      default -> {
        params.text("cursor_value", cursor.sortValue());
        yield ":cursor_value";
      }
    };
    return "(" + expression(sort) + ", f.id) " + op + " (" + value + ", :cursor_id)";
  }

  private static String direction(boolean descending) {
    return descending ? "DESC" : "ASC";
  }

  // Cursors are signed and bound to their query's sort, so this cannot fail but for a bug.
  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw ValidationException.of("cursor", "is not a cursor of this query");
    }
  }

}
