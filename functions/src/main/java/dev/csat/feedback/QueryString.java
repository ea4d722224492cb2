package dev.csat.feedback;

import dev.csat.core.Checks;
import dev.csat.http.Call;
import dev.csat.http.QueryParams;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The filters and sort of GET /feedbacks, /feedbacks/count and /feedbacks/export, read from the
 * query string ({@link QueryParams}) into the same conditions the filter language
 * (POST /feedbacks/search) builds.
 */
final class QueryString {
  static final Set<String> FILTERS = Set.of("product_key", "feature_key", "source", "platform", "score",
      "company_id", "agent_id", "carrier", "country", "state", "start_date", "end_date", "time_zone",
      "has_comment", "q", "order_by", "direction");
  private static final int MAX_SEARCH_LENGTH = 200;

  private final Call<?> call;
  private final QueryParams params;
  private final Checks checks;

  private QueryString(Call<?> call, QueryParams params) {
    this.call = call;
    this.params = params;
    this.checks = params.checks();
  }

  /** Reads the call's query string; {@code paging} names the parameters the operation takes besides filters. */
  static QueryString read(Call<?> call, Set<String> paging) {
    Set<String> known = new HashSet<>(FILTERS);
    known.addAll(paging);
    return new QueryString(call, new QueryParams(call, known));
  }

  Checks checks() {
    return checks;
  }

  /** The tenant's query, once every parameter (paging included) has been read; 400 with all problems otherwise. */
  FeedbackQuery toQuery() {
    List<Condition> conditions = conditions();
    Sort sort = sort();
    checks.throwIfAny();
    return new FeedbackQuery(call.tenant(), conditions, sort);
  }

  private List<Condition> conditions() {
    List<Condition> conditions = new ArrayList<>();
    in(conditions, FilterField.PRODUCT_KEY, "product_key");
    in(conditions, FilterField.FEATURE_KEY, "feature_key");
    in(conditions, FilterField.SOURCE, "source");
    in(conditions, FilterField.PLATFORM, "platform");
    in(conditions, FilterField.COMPANY_ID, "company_id");
    in(conditions, FilterField.AGENT_ID, "agent_id");
    in(conditions, FilterField.CARRIER, "carrier");
    in(conditions, FilterField.COUNTRY, "country");
    in(conditions, FilterField.STATE, "state");
    scores(conditions);
    dateRange(conditions);
    Boolean hasComment = params.bool("has_comment");
    if (hasComment != null) {
      conditions.add(Condition.of(FilterField.HAS_COMMENT, Operator.EQ, hasComment));
    }
    String search = single("q");
    if (search != null && checks.text("q", search, 1, MAX_SEARCH_LENGTH) != null) {
      conditions.add(Condition.of(FilterField.COMMENT, Operator.ILIKE, "%" + likeEscaped(search) + "%"));
    }
    return conditions;
  }

  private Sort sort() {
    String field = single("order_by");
    String direction = single("direction");
    SortField sortField = field == null ? Sort.NEWEST_FIRST.field()
        : WireNamed.read(SortField.class, field, "order_by", checks);
    if (direction != null && !direction.equals("asc") && !direction.equals("desc")) {
      checks.add("direction", "must be \"asc\" or \"desc\"");
    }
    return new Sort(sortField, !"asc".equals(direction));
  }

  /** An integer parameter within [min, max], or null when absent. */
  Long integer(String name, long min, long max) {
    return params.integer(name, min, max);
  }

  /** A parameter given at most once, or null when absent. */
  String single(String name) {
    return params.single(name);
  }

  private void in(List<Condition> conditions, FilterField field, String name) {
    List<String> items = params.items(name);
    if (!items.isEmpty()) {
      in(conditions, field, name, new ArrayList<Object>(items));
    }
  }

  /** A query parameter's problems are named after it, not after the place of a value in it. */
  private void in(List<Condition> conditions, FilterField field, String name, List<Object> items) {
    Checks itemChecks = new Checks();
    List<Object> values = Condition.values(field, Operator.IN, items, name, itemChecks);
    itemChecks.problems().stream().findFirst().ifPresent(problem -> checks.add(name, problem.reason()));
    if (values != null) {
      conditions.add(new Condition(field, Operator.IN, values));
    }
  }

  private void scores(List<Condition> conditions) {
    List<Object> ratings = new ArrayList<>();
    for (String item : params.items("score")) {
      try {
        ratings.add(Integer.parseInt(item));
      } catch (NumberFormatException e) {
        ratings.add(item); // refused as "must be an integer" below
      }
    }
    if (!ratings.isEmpty()) {
      in(conditions, FilterField.RATING, "score", ratings);
    }
  }

  /** start_date and end_date are whole days, both included, in time_zone (UTC by default). */
  private void dateRange(List<Condition> conditions) {
    ZoneId zone = params.zone("time_zone");
    LocalDate start = params.date("start_date");
    LocalDate end = params.date("end_date");
    if (start != null && end != null && end.isBefore(start)) {
      checks.add("end_date", "must not be before start_date");
      return;
    }
    if (zone == null) {
      return;
    }
    if (start != null) {
      conditions.add(Condition.of(FilterField.CREATED_AT, Operator.GTE, start.atStartOfDay(zone).toInstant()));
    }
    if (end != null) {
      conditions.add(Condition.of(FilterField.CREATED_AT, Operator.LT, end.plusDays(1).atStartOfDay(zone).toInstant()));
    }
  }

  /** The text as a LIKE literal: its own % and _ and backslashes match only themselves. */
  private static String likeEscaped(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
