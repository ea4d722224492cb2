package dev.csat.analytics;

import dev.csat.core.Checks;
import dev.csat.feedback.Condition;
import dev.csat.feedback.Scale;
import dev.csat.feedback.Source;
import dev.csat.feedback.WireNamed;
import dev.csat.http.Call;
import dev.csat.http.QueryParams;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query string of the analytics operations: the days counted (start_date, end_date,
 * time_zone) and which ratings count. The filters are the inbox's that the rollups count:
 * product_key (with feature_key), platform, company_id, agent_id or carrier (one of them), plus
 * source, scale and score. The inbox's other filters are refused by name.
 */
final class AnalyticsParams {
  /** The filters that select by a dimension, and the dimension. */
  private static final Map<String, Dimension> DIMENSIONS = Map.of(
      "product_key", Dimension.PRODUCT, "platform", Dimension.PLATFORM, "company_id", Dimension.COMPANY,
      "agent_id", Dimension.AGENT, "carrier", Dimension.CARRIER);
  private static final List<String> DIMENSION_ORDER =
      List.of("product_key", "platform", "company_id", "agent_id", "carrier");
  private static final Set<String> FILTERS = Set.of("product_key", "feature_key", "platform", "company_id",
      "agent_id", "carrier", "source", "scale", "score", "start_date", "end_date", "time_zone");
  private static final Set<String> INBOX_ONLY = Set.of("state", "country", "has_comment", "q");

  private final Call<?> call;
  private final QueryParams params;
  private final Checks checks;

  private AnalyticsParams(Call<?> call, Set<String> own) {
    Set<String> known = new HashSet<>(FILTERS);
    known.addAll(own);
    known.addAll(INBOX_ONLY);
    this.call = call;
    this.params = new QueryParams(call, known);
    this.checks = params.checks();
    for (String name : INBOX_ONLY) {
      if (!call.query(name).isEmpty()) {
        checks.add(name, "is an inbox filter that analytics do not count by; they filter by "
            + "product_key, feature_key, platform, company_id, agent_id, carrier, source, scale and score");
      }
    }
  }

  /** Reads the call's query string; {@code own} names the parameters the operation takes besides filters. */
  static AnalyticsParams read(Call<?> call, Set<String> own) {
    return new AnalyticsParams(call, own);
  }

  QueryParams params() {
    return params;
  }

  Checks checks() {
    return checks;
  }

  String tenant() {
    return call.tenant();
  }

  /** start_date to end_date (both optional unless {@code required}), in time_zone (UTC by default). */
  DateRange range(boolean required) {
    ZoneId zone = params.zone("time_zone");
    LocalDate start = params.date("start_date");
    LocalDate end = params.date("end_date");
    if (required && start == null && !checks.hasProblemWith("start_date")) {
      checks.add("start_date", "is required");
    }
    if (required && end == null && !checks.hasProblemWith("end_date")) {
      checks.add("end_date", "is required");
    }
    if (start != null && start.isBefore(DateRange.EARLIEST)) {
      checks.add("start_date", "must not be before " + DateRange.EARLIEST);
    }
    if (end != null && end.isAfter(DateRange.LATEST)) {
      checks.add("end_date", "must not be after " + DateRange.LATEST);
    }
    if (start != null && end != null && end.isBefore(start)) {
      checks.add("end_date", "must not be before start_date");
    }
    return zone == null ? null : new DateRange(start, end, zone);
  }

  AnalyticsFilter filter() {
    Dimension dimension = null;
    List<String> values = List.of();
    String chosen = null;
    for (String name : DIMENSION_ORDER) {
      List<String> keys = keys(name);
      if (keys.isEmpty()) {
        continue;
      }
      if (chosen != null) {
        checks.add(name, "cannot be combined with " + chosen + ": analytics filter by one of product_key "
            + "(with feature_key), platform, company_id, agent_id and carrier at a time, plus source, scale and score");
        continue;
      }
      chosen = name;
      dimension = DIMENSIONS.get(name);
      values = keys;
    }
    List<String> features = keys("feature_key");
    if (!features.isEmpty()) {
      if (!"product_key".equals(chosen) || values.size() != 1) {
        checks.add("feature_key", "needs exactly one product_key");
      } else {
        String product = values.getFirst();
        dimension = Dimension.FEATURE;
        values = features.stream().map(feature -> product + "/" + feature).toList();
      }
    }
    Set<Source> sources = enums(Source.class, "source");
    Set<Scale> scales = enums(Scale.class, "scale");
    Set<Integer> scores = scores();
    return checks.problems().isEmpty() ? new AnalyticsFilter(dimension, values, sources, scales, scores) : null;
  }

  /**
   * The distinct keys of a filter, of at most {@link Condition#MAX_VALUES} values as in the inbox:
   * each is a statement parameter, and 3,000 took a statement past the Data API's 64 KiB of SQL.
   */
  private List<String> keys(String name) {
    List<String> items = params.items(name);
    if (items.size() > Condition.MAX_VALUES) {
      checks.add(name, "must be at most " + Condition.MAX_VALUES + " values");
      return List.of();
    }
    Set<String> keys = new LinkedHashSet<>();
    for (String item : items) {
      String key = checks.key(name, item);
      if (key != null) {
        keys.add(key);
      }
    }
    return new ArrayList<>(keys);
  }

  private <E extends Enum<E> & WireNamed> Set<E> enums(Class<E> type, String name) {
    Set<E> values = new HashSet<>();
    for (String item : params.items(name)) {
      E value = WireNamed.read(type, item, name, checks);
      if (value != null) {
        values.add(value);
      }
    }
    return values;
  }

  private Set<Integer> scores() {
    Set<Integer> scores = new HashSet<>();
    for (String item : params.items("score")) {
      try {
        int score = Integer.parseInt(item);
        if (score >= 0 && score <= 10) {
          scores.add(score);
          continue;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      checks.add("score", "must be integers from 0 to 10");
    }
    return scores;
  }
}
