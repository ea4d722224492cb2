package dev.csat.feedback;

import dev.csat.core.Checks;
import dev.csat.http.JsonBody;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The filter language of seed 004: {@code {"query": [{"filter_type", "operator", "value"}],
 * "order_by": {"order_by_type", "direction"}}}, every filter to hold at once. {@code {}} is
 * every feedback, newest first.
 */
record SearchBody(List<Condition> conditions, Sort sort, Integer limit, String after, String before) {
  static final int MAX_FILTERS = 50;

  /** For POST /feedbacks/search, which pages like GET /feedbacks. */
  static SearchBody readPaged(JsonBody body) {
    body.allowOnly(Set.of("query", "order_by", "limit", "after", "before"));
    Integer limit = body.integer("limit", 1, ListFeedbacksHandler.MAX_LIMIT);
    return new SearchBody(conditions(body), sort(body), limit, body.text("after"), body.text("before"));
  }

  /** For POST /feedbacks/search/count: the order is accepted, and does not matter. */
  static SearchBody readCount(JsonBody body) {
    body.allowOnly(Set.of("query", "order_by"));
    return new SearchBody(conditions(body), sort(body), null, null, null);
  }

  FeedbackQuery query(String tenant) {
    return new FeedbackQuery(tenant, conditions, sort);
  }

  private static List<Condition> conditions(JsonBody body) {
    List<Condition> conditions = new ArrayList<>();
    List<JsonBody> filters = body.objects("query", MAX_FILTERS);
    if (filters == null) {
      return conditions;
    }
    for (JsonBody filter : filters) {
      filter.allowOnly(Set.of("filter_type", "operator", "value"));
      String type = filter.requiredText("filter_type");
      String operator = filter.requiredText("operator");
      if (!filter.has("value")) {
        filter.checks().add(filter.at("value"), "is required");
      }
      String at = filter.at("").replaceAll("\\.$", "");
      Condition condition = Condition.parse(type, operator, filter.plain("value"), at, filter.checks());
      if (condition != null) {
        conditions.add(condition);
      }
    }
    return conditions;
  }

  private static Sort sort(JsonBody body) {
    JsonBody orderBy = body.object("order_by");
    if (orderBy == null) {
      return Sort.NEWEST_FIRST;
    }
    orderBy.allowOnly(Set.of("order_by_type", "direction"));
    Checks checks = orderBy.checks();
    String type = orderBy.text("order_by_type");
    SortField field = type == null ? Sort.NEWEST_FIRST.field()
        : WireNamed.read(SortField.class, type, orderBy.at("order_by_type"), checks);
    String direction = orderBy.text("direction");
    if (direction != null && !direction.equals("asc") && !direction.equals("desc")) {
      checks.add(orderBy.at("direction"), "must be \"asc\" or \"desc\"");
    }
    return new Sort(field, !"asc".equals(direction));
  }
}
