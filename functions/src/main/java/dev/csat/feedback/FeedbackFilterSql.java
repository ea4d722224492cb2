package dev.csat.feedback;

import dev.csat.data.SqlParams;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The WHERE clause of a {@link FeedbackQuery} over {@code feedbacks AS f} (or, for counts on its
 * dimensions, {@code feedback_counts AS f}, whose columns have the same names): always the
 * tenant first, then each condition with its values as named parameters (never in the SQL
 * text). Every expression matches an index of V003 (see the benchmark's EXPLAIN output).
 */
final class FeedbackFilterSql {
  // Lists travel as one text parameter split in SQL (the Data API takes no arrays). Values never
  // contain control characters (Checks), so the unit separator cannot occur in them.
  private static final String SEPARATOR = "chr(31)";

  private final List<String> clauses = new ArrayList<>();
  private final SqlParams params;
  private int counter;

  private FeedbackFilterSql(SqlParams params) {
    this.params = params;
  }

  /** The clause for {@code query}, binding its values into {@code params}. */
  static String where(FeedbackQuery query, SqlParams params) {
    var sql = new FeedbackFilterSql(params);
    params.text("tenant", query.tenant());
    sql.clauses.add("f.tenant_id = :tenant");
    query.conditions().forEach(sql::add);
    return String.join("\n  AND ", sql.clauses);
  }

  /** The column or expression a field is filtered and sorted on. */
  static String column(FilterField field) {
    return switch (field) {
      case PRODUCT_KEY -> "f.product_key";
      case FEATURE_KEY -> "f.feature_key";
      case USER_EMAIL -> "f.user_email";
      case RESPONDENT_ID -> "f.respondent_id";
      case SOURCE -> "f.source";
      case PLATFORM -> "f.platform";
      case RATING -> "f.rating";
      case SCALE -> "f.scale";
      case REFERENCE -> "coalesce(f.reference, '')";
      case COMPANY_ID -> "coalesce(f.company_id, '')";
      case AGENT_ID -> "f.agent_id";
      case CARRIER -> "f.carrier";
      case COUNTRY -> "f.country";
      case STATE -> "f.state";
      case COMMENT -> "f.comment";
      case HAS_COMMENT -> "(f.comment IS NOT NULL)";
      case CREATED_AT -> "f.created_at";
      case UPDATED_AT -> "f.updated_at";
    };
  }

  private void add(Condition condition) {
    FilterField field = condition.field();
    String column = column(field);
    Operator op = condition.operator();
    if (field == FilterField.HAS_COMMENT) {
      // Written as the partial index's predicate, so the planner can use feedbacks_with_comment.
      clauses.add(Boolean.TRUE.equals(condition.value()) ? "f.comment IS NOT NULL" : "f.comment IS NULL");
      return;
    }
    if (field == FilterField.CREATED_AT) {
      clauses.add(idBound(op, (Instant) condition.value()));
      return;
    }
    // One value: written as = so that an index on (tenant, field, id) also yields id order.
    if (op.takesList() && condition.values().size() == 1) {
      op = op == Operator.IN ? Operator.EQ : Operator.NEQ;
    }
    clauses.add(switch (op) {
      case EQ -> column + " = " + bind(condition.value());
      case NEQ -> column + " IS DISTINCT FROM " + bind(condition.value());
      case IN -> column + " = ANY(" + list(field, condition.values()) + ")";
      case NOT_IN -> "(" + column + " IS NULL OR NOT " + column + " = ANY(" + list(field, condition.values()) + "))";
      case GT -> column + " > " + bind(condition.value());
      case GTE -> column + " >= " + bind(condition.value());
      case LT -> column + " < " + bind(condition.value());
      case LTE -> column + " <= " + bind(condition.value());
      case LIKE -> column + " LIKE " + bind(condition.value());
      case ILIKE -> column + " ILIKE " + bind(condition.value());
    });
  }

  /**
   * A creation-time bound as an id bound, which is what the indexes hold. An id's first 48 bits
   * are its created_at in whole milliseconds (V004's CHECK), so with m the bound's millisecond
   * and {@code lowestId(m)} the smallest id of m: created_at >= t is id >= lowestId(t rounded
   * up), created_at > t is id >= lowestId(t rounded down + 1 ms), and so on. Exact, and no
   * second clause on created_at for the planner to misjudge as independent of the id.
   */
  private String idBound(Operator op, Instant time) {
    Instant floor = time.truncatedTo(ChronoUnit.MILLIS);
    Instant ceiling = floor.equals(time) ? floor : floor.plusMillis(1);
    return switch (op) {
      case GTE -> "f.id >= " + bindUuid(lowestId(ceiling));
      case GT -> "f.id >= " + bindUuid(lowestId(floor.plusMillis(1)));
      case LT -> "f.id < " + bindUuid(lowestId(ceiling));
      case LTE -> "f.id < " + bindUuid(lowestId(floor.plusMillis(1)));
      default -> throw new IllegalArgumentException("created_at takes no " + op);
    };
  }

  static UUID lowestId(Instant millisecond) {
    return new UUID(millisecond.toEpochMilli() << 16, 0);
  }

  private String list(FilterField field, List<Object> values) {
    String joined = String.join("\u001f", values.stream().map(String::valueOf).toList());
    String array = "string_to_array(" + bind(joined) + ", " + SEPARATOR + ")";
    return field == FilterField.RATING ? "CAST(" + array + " AS smallint[])" : array;
  }

  private String bind(Object value) {
    String name = "p" + counter++;
    switch (value) {
      case String text -> params.text(name, text);
      case Integer number -> params.integer(name, number);
      case Boolean bool -> params.bool(name, bool);
      case Instant time -> params.timestamp(name, time);
      default -> throw new IllegalArgumentException("cannot bind " + value.getClass());
    }
    return ":" + name;
  }

  private String bindUuid(UUID value) {
    String name = "p" + counter++;
    params.uuid(name, value);
    return ":" + name;
  }
}
