package dev.csat.feedback;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Keyset pages sorted by a field of few values (rating: 0 to 10, source: seven names), read as one
 * index seek per value. Walking the index (tenant, rating, id) in order, a filter on the id (a
 * date range) or a cursor deep inside one rating is checked entry by entry; PostgreSQL 17 cannot
 * skip ahead within a rating. With the rating fixed per branch, the id bound becomes a range
 * start and each branch reads at most one page of rows. Values that the query's own conditions
 * exclude get no branch, and neither do values the cursor has passed.
 */
final class FewValuesSort {
  private FewValuesSort() {}

  /** Whether pages of this sort are read by value. */
  static boolean applies(SortField sort) {
    return sort == SortField.RATING || sort == SortField.SOURCE;
  }

  /**
   * The rows of one page: the union of one ordered, limited read per value.
   *
   * @param where the query's clause, bound already
   * @param descending the reading direction
   */
  static String page(FeedbackQuery query, String where, Cursor cursor, boolean descending) {
    SortField sort = query.sort().field();
    String direction = descending ? "DESC" : "ASC";
    List<String> branches = new ArrayList<>();
    for (String value : values(sort)) {
      if (!allowed(query, sort, value)) {
        continue;
      }
      String idBound = "";
      if (cursor != null) {
        int order = compare(sort, value, cursor.sortValue());
        if (descending ? order > 0 : order < 0) {
          continue; // the cursor is past every row of this value
        }
        if (order == 0) {
          idBound = " AND f.id " + (descending ? "<" : ">") + " :cursor_id";
        }
      }
      branches.add("""
          (SELECT %s, %s AS sort_value FROM feedbacks AS f
           WHERE %s AND %s = %s%s
           ORDER BY f.id %s LIMIT :fetch)""".formatted(FeedbackRows.COLUMNS, column(sort), where, column(sort),
          literal(sort, value), idBound, direction));
    }
    if (branches.isEmpty()) {
      return "SELECT %s, %s AS sort_value FROM feedbacks AS f WHERE false".formatted(FeedbackRows.COLUMNS, column(sort));
    }
    return "SELECT * FROM (\n" + String.join("\n UNION ALL\n", branches) + "\n) AS u ORDER BY sort_value "
        + direction + ", id " + direction + " LIMIT :fetch";
  }

  private static List<String> values(SortField sort) {
    return sort == SortField.RATING
        ? IntStream.rangeClosed(0, Scale.TEN.max()).mapToObj(Integer::toString).toList()
        : Arrays.stream(Source.values()).map(Source::wireName).toList();
  }

  private static String column(SortField sort) {
    return sort == SortField.RATING ? "f.rating" : "f.source";
  }

  // The values are ours (digits, or Source's names), never the caller's.
  private static String literal(SortField sort, String value) {
    return sort == SortField.RATING ? value : "'" + value + "'";
  }

  private static int compare(SortField sort, String value, String other) {
    return sort == SortField.RATING
        ? Integer.compare(Integer.parseInt(value), Integer.parseInt(other))
        : value.compareTo(other); // lower-case ASCII names: the same order in every collation
  }

  /** Whether the query's conditions on the sort field let this value through. */
  private static boolean allowed(FeedbackQuery query, SortField sort, String value) {
    FilterField field = sort == SortField.RATING ? FilterField.RATING : FilterField.SOURCE;
    for (Condition condition : query.conditions()) {
      if (condition.field() != field) {
        continue;
      }
      Object typed = sort == SortField.RATING ? (Object) Integer.parseInt(value) : value;
      boolean passes = switch (condition.operator()) {
        case EQ, IN -> condition.values().contains(typed);
        case NEQ, NOT_IN -> !condition.values().contains(typed);
        case GT -> compare(sort, value, condition.value().toString()) > 0;
        case GTE -> compare(sort, value, condition.value().toString()) >= 0;
        case LT -> compare(sort, value, condition.value().toString()) < 0;
        case LTE -> compare(sort, value, condition.value().toString()) <= 0;
        case LIKE, ILIKE -> true; // left to the branch's own WHERE
      };
      if (!passes) {
        return false;
      }
    }
    return true;
  }
}
