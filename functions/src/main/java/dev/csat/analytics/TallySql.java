package dev.csat.analytics;

import static java.util.stream.Collectors.joining;

import dev.csat.data.SqlParams;
import dev.csat.feedback.Source;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The statements that read tallies: the rollup rows of the time cover (its bulk ranges and its
 * correction buckets) plus the queued changes of the same time span, summed per period or per
 * group. Only the rating columns the filter counts are summed.
 */
final class TallySql {
  /** What the rows to sum are keyed by: the period, or for a breakdown the value or the source. */
  private enum Key { PERIOD, VALUE, SOURCE }

  private TallySql() {}

  /** One row per period that has ratings: "period" (1-based) and the tally columns. */
  static String tallies(String tenant, List<Instant> boundaries, AnalyticsFilter filter, SqlParams params) {
    Dimension dimension = filter.dimension();
    params.text("tenant", tenant);
    String counted = counted(boundaries, dimension, filter, false, Key.PERIOD, params);
    return """
        WITH counted (period, source, %s, n, %s) AS (%s)
        SELECT period, %s
        FROM counted GROUP BY 1""".formatted(RollupSql.RATING_COLUMNS, RollupSql.SOURCE_COLUMNS, counted,
        sums(filter));
  }

  /**
   * The top {@code :limit} groups by count (ties by value), then one row for the rest (group
   * NULL, top false); every row carries "groups", how many groups have ratings.
   */
  static String ranking(String tenant, Instant from, Instant to, AnalyticsFilter filter, BreakdownField by,
      int limit, SqlParams params) {
    params.text("tenant", tenant).integer("limit", limit);
    Dimension read = by.dimension().orElse(filter.dimension());
    boolean bySource = by.dimension().isEmpty();
    String counted = counted(List.of(from, to), read, filter, bySource, bySource ? Key.SOURCE : Key.VALUE, params);
    String columns = RatingSlot.ALL.stream()
        .map(slot -> "CAST(sum(" + slot.column() + ") AS bigint) AS " + slot.column()).collect(joining(", "));
    String sources = Arrays.stream(Source.values())
        .map(source -> "CAST(sum(" + source.wireName() + ") AS bigint) AS " + source.wireName())
        .collect(joining(", "));
    return """
        WITH counted (grp, source, %s, n, %s) AS (%s),
        grouped AS (SELECT grp, %s FROM counted GROUP BY grp),
        ranked AS (
          SELECT *, row_number() OVER (ORDER BY total DESC, grp) AS rank, count(*) OVER () AS groups
          FROM grouped WHERE total > 0
        )
        SELECT CASE WHEN rank <= :limit THEN grp END AS grp, rank <= :limit AS top, min(rank) AS rank,
               min(groups) AS groups, %s, %s
        FROM ranked GROUP BY 1, 2 ORDER BY 3""".formatted(RollupSql.RATING_COLUMNS, RollupSql.SOURCE_COLUMNS,
        counted, sums(filter), columns, sources);
  }

  /**
   * The rows to sum, each with its key first (see below), then its source, its rating columns,
   * its count n and its per-source count columns:
   *
   * <ul>
   *   <li>the rollup rows of {@code dimension} ('all' if null) in the bulk of the periods'
   *       {@link TimeCover}, one index range scan per range, each in its aligned period;
   *   <li>the rollup rows of its corrections, one index scan per grain for the listed buckets,
   *       each row once in its true period and once negated in its aligned period (periods
   *       outside 1..n dropped);
   *   <li>the queued changes in [first, last boundary), each in its period.
   * </ul>
   *
   * <p>The key is the 1-based period, or for a breakdown the dimension's value or the source.
   *
   * <p>Without a source, scale or score filter (and unless grouping by source) it reads the rows
   * of all sources (source ''), one per bucket, whose per-source counts are columns. Otherwise
   * it reads the rows of each source, whose count is the filtered total and per-source columns 0.
   */
  private static String counted(List<Instant> boundaries, Dimension dimension, AnalyticsFilter filter,
      boolean bySource, Key key, SqlParams params) {
    TimeCover.Cover cover = TimeCover.of(boundaries);
    params.text("grains", array(cover.bulk().stream().map(range -> range.grain().sqlName())))
        .text("froms", array(cover.bulk().stream().map(range -> range.from().toString())))
        .text("tos", array(cover.bulk().stream().map(range -> range.to().toString())))
        .text("aligned", array(cover.aligned().stream().map(Instant::toString)))
        .text("boundaries", array(boundaries.stream().map(Instant::toString)))
        .integer("periods", boundaries.size() - 1)
        .timestamp("from", boundaries.getFirst())
        .timestamp("to", boundaries.getLast())
        .text("dim", dimension == null ? "all" : dimension.sqlName());
    cover.corrections().forEach((grain, buckets) ->
        params.text("fix_" + grain.sqlName(), array(buckets.stream().map(Instant::toString))));
    boolean allSources = !bySource && filter.sources().isEmpty() && filter.scales().isEmpty()
        && filter.scores().isEmpty();
    // Lists the planner can see (source names from the enum as literals, values as one parameter
    // each): with an array parameter behind a cast it cannot see the keys, and for a company
    // filter with sources it read every company's rows of the range (51 ms instead of 3 at 1
    // million ratings).
    StringBuilder rollupFilter = new StringBuilder();
    StringBuilder tailFilter = new StringBuilder();
    if (allSources) {
      rollupFilter.append(" AND r.source = ''");
    } else {
      Stream<Source> sources = filter.sources().isEmpty() ? Arrays.stream(Source.values()) : filter.sources().stream();
      String listed = sources.map(source -> "'" + source.wireName() + "'").sorted().collect(joining(", ", "(", ")"));
      rollupFilter.append(" AND r.source IN ").append(listed);
      if (!filter.sources().isEmpty()) {
        tailFilter.append(" AND c.source IN ").append(listed);
      }
    }
    if (filter.dimension() != null) {
      StringBuilder listed = new StringBuilder();
      for (int i = 0; i < filter.values().size(); i++) {
        params.text("value_" + i, filter.values().get(i));
        listed.append(i == 0 ? "(" : ", ").append(":value_").append(i);
      }
      listed.append(")");
      String rollupValue = filter.dimension() == dimension ? "r.value" : "split_part(r.value, '/', 1)";
      rollupFilter.append(" AND ").append(rollupValue).append(" IN ").append(listed);
      tailFilter.append(" AND ").append(RollupSql.value(filter.dimension(), "c")).append(" IN ").append(listed);
    }
    String rollupKey = switch (key) {
      case PERIOD -> "width_bucket(r.bucket, (SELECT CAST(:aligned AS timestamptz[])))";
      case VALUE -> "r.value";
      case SOURCE -> "r.source";
    };
    String correctionKey = key == Key.PERIOD ? "x.period" : rollupKey;
    String tailKey = switch (key) {
      case PERIOD -> "width_bucket(c.created_at, (SELECT CAST(:boundaries AS timestamptz[])))";
      case VALUE -> RollupSql.value(dimension, "c");
      case SOURCE -> "c.source";
    };
    String where = "r.tenant_id = :tenant AND r.dim = :dim" + rollupFilter;
    // One index range scan per bulk range (LATERAL, and OFFSET 0 so that the planner cannot pull
    // the subquery up into a join that scans every row of the dimension against every range).
    StringBuilder sql = new StringBuilder("""
        SELECT r.*
        FROM unnest(CAST(:grains AS text[]), CAST(:froms AS timestamptz[]), CAST(:tos AS timestamptz[]))
          AS bulk (grain, lo, hi)
        CROSS JOIN LATERAL (
          SELECT %s, %s
          FROM feedback_rollups AS r
          WHERE %s AND r.grain = bulk.grain AND r.bucket >= bulk.lo AND r.bucket < bulk.hi
          OFFSET 0) AS r
        """.formatted(rollupKey, rollupColumns("", filter, allSources), where));
    // The correction buckets are an index scan for a list of keys; the list comes through a
    // scalar subquery because a literal list makes the planner estimate each key on its own
    // (10 ms of planning for the 1,150 hours of a two-year Berlin series).
    if (!cover.corrections().isEmpty()) {
      String listed = cover.corrections().keySet().stream()
          .map(grain -> "SELECT * FROM feedback_rollups AS r WHERE " + where + " AND r.grain = '" + grain.sqlName()
              + "' AND r.bucket = ANY (CAST((SELECT CAST(:fix_" + grain.sqlName()
              + " AS timestamptz[])) AS timestamptz[]))")
          .collect(joining("\n  UNION ALL\n  "));
      sql.append("""
          UNION ALL
          SELECT %s, %s
          FROM (
            %s
          ) AS r
          CROSS JOIN LATERAL (VALUES (width_bucket(r.bucket, (SELECT CAST(:boundaries AS timestamptz[]))), 1),
                                     (width_bucket(r.bucket, (SELECT CAST(:aligned AS timestamptz[]))), -1))
            AS x (period, sign)
          WHERE x.period BETWEEN 1 AND :periods
          """.formatted(correctionKey, rollupColumns("x.sign * ", filter, allSources), listed));
    }
    String tailColumns = RatingSlot.ALL.stream()
        .map(slot -> "CASE WHEN " + RollupSql.isSlot(slot, "c") + " THEN c.delta ELSE 0 END")
        .collect(joining(", "));
    String noSourceCounts = Arrays.stream(Source.values()).map(source -> "0").collect(joining(", "));
    sql.append("""
        UNION ALL
        SELECT %s, c.source, %s, %s, %s
        FROM feedback_changes AS c
        WHERE c.tenant_id = :tenant AND c.created_at >= :from AND c.created_at < :to%s""".formatted(
        tailKey, tailColumns, total(filter, "c_"), noSourceCounts, tailFilter));
    return sql.toString();
  }

  /**
   * A rollup row's (alias r) source, rating columns, count and per-source counts (0 unless it is
   * a row of all sources), each but the source prefixed with {@code factor}.
   */
  private static String rollupColumns(String factor, AnalyticsFilter filter, boolean allSources) {
    return "r.source, "
        + RatingSlot.ALL.stream().map(slot -> factor + "r." + slot.column()).collect(joining(", ")) + ", "
        + factor + "(" + total(filter, "r.") + "), "
        + Arrays.stream(Source.values())
            .map(source -> allSources ? factor + "r." + RollupSql.countColumn(source) : "0").collect(joining(", "));
  }

  /**
   * A row's count of the ratings the filter counts: the sum of those columns of a rollup row
   * ({@code "r."}), or for a queued change ({@code "c_"}) its delta when its slot counts.
   */
  private static String total(AnalyticsFilter filter, String row) {
    List<RatingSlot> counted = RatingSlot.ALL.stream().filter(filter::counts).toList();
    if (counted.isEmpty()) {
      return "0";
    }
    if (row.equals("r.")) {
      return counted.stream().map(slot -> "r." + slot.column()).collect(joining(" + "));
    }
    return "CASE WHEN " + counted.stream().map(slot -> "(" + RollupSql.isSlot(slot, "c") + ")")
        .collect(joining(" OR ")) + " THEN c.delta ELSE 0 END";
  }

  /**
   * The counted rating columns summed (the others 0), each source's count (the counts of its own
   * rows plus its count column in rows of all sources) and the total.
   */
  private static String sums(AnalyticsFilter filter) {
    String ratings = RatingSlot.ALL.stream()
        .map(slot -> (filter.counts(slot) ? "sum(" + slot.column() + ")" : "0") + " AS " + slot.column())
        .collect(joining(", "));
    String sources = Arrays.stream(Source.values())
        .map(source -> "coalesce(sum(n) FILTER (WHERE source = '" + source.wireName() + "'), 0) + sum("
            + RollupSql.countColumn(source) + ") AS " + source.wireName())
        .collect(joining(", "));
    return ratings + ", " + sources + ", sum(n) AS total";
  }

  /** A PostgreSQL array literal of the values, each quoted. */
  static String array(Stream<String> values) {
    return values.map(value -> "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
        .collect(joining(",", "{", "}"));
  }
}
