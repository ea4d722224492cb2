package dev.csat.analytics;

import static java.util.stream.Collectors.joining;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.partitioningBy;
import static java.util.stream.Collectors.toList;

import dev.csat.data.SqlParams;
import dev.csat.feedback.Source;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Stream;

/**
 * The statements that read tallies: the rollup rows of the time cover (its bulk ranges and its
 * correction buckets) plus the queued changes of the same time span, summed per period or per
 * group. Only the rating columns the filter counts are summed.
 */
final class TallySql {
  /** What the rows to sum are keyed by: the period, or for a breakdown the value or the source. */
  private enum Key { PERIOD, VALUE, SOURCE }

  /** The count columns of a row to sum, after its key and source: ratings, their total n, per-source counts. */
  private static final List<String> COUNTS = Stream.of(RatingSlot.ALL.stream().map(RatingSlot::column),
      Stream.of("n"), Arrays.stream(Source.values()).map(RollupSql::countColumn)).flatMap(columns -> columns).toList();

  private TallySql() {}

  /** One row per period that has ratings: "period" (1-based) and the tally columns. */
  static String tallies(String tenant, List<Instant> boundaries, AnalyticsFilter filter, SqlParams params) {
    Dimension dimension = filter.dimension();
    params.text("tenant", tenant);
    String counted = rollupRows("", boundaries, dimension, filter, Key.PERIOD, "", params)
        + "UNION ALL\n" + queuedRows(boundaries, dimension, filter, Key.PERIOD, params);
    return """
        WITH counted (period, %s, n, %s) AS (%s)
        SELECT period, %s
        FROM counted GROUP BY 1""".formatted(RollupSql.RATING_COLUMNS, RollupSql.SOURCE_COLUMNS, counted,
        sums(filter));
  }

  /**
   * The top {@code :limit} groups by count, ties by value (top true, in that order), then one row
   * that sums every group (group NULL, top false), with "groups", how many groups have ratings.
   * The rest is that sum less the top groups'. 5,000 companies are ranked by their count alone
   * (one sum per group); only the top groups and the whole are summed with every column. With
   * pgbench at 10 million ratings: all time 32 to 25 ms, two years 38 to 34, 30 days unchanged.
   * A range within two calendar months, unless a day or two, is ranked by month-to-date rows
   * instead ({@link #rankedByMonthToDate}).
   */
  static String ranking(String tenant, Instant from, Instant to, AnalyticsFilter filter, BreakdownField by,
      int limit, SqlParams params) {
    params.text("tenant", tenant).integer("limit", limit);
    Dimension read = by.dimension().orElse(filter.dimension());
    Key key = by.dimension().isEmpty() ? Key.SOURCE : Key.VALUE;
    // The cheaper readings of a range are for thousands of groups. A breakdown by source (seven
    // groups) or of a filter's values (at most 100) reads the range's own cover, which also keeps
    // its statement short: each of up to six covers repeats the filter's values, and before its
    // sums were shortened a filtered one took 98,000 characters (the Data API takes 65,536).
    boolean fewGroups = key == Key.SOURCE || filter.dimension() != null;
    boolean mayBeComplement = !fewGroups && mayReadComplement(from, to);
    String choice = mayBeComplement ? complementIsSmaller(from, to, params) + ",\n" : "";
    if (!fewGroups && !mayBeComplement && !isAllTime(from, to)
        && MonthToDate.fewerRowsThanDays(TimeCover.of(List.of(from, to)).bulk())) {
      return rankedByMonthToDate(from, to, filter, read, params);
    }
    String rollups = fewGroups ? rollupRows("", List.of(from, to), read, filter, key, "", params)
        : mayBeComplement ? rangeOrComplement(from, to, read, filter, key, params)
        : rangeRows(from, to, read, filter, key, "", params);
    String rows = rollups + "UNION ALL\n" + queuedRows(List.of(from, to), read, filter, key, params);
    String counted = "counted (grp, " + String.join(", ", COUNTS) + ") AS (" + rows + ")";
    // A group whose count is 0 has 0 in every column (no count is negative), so the whole may
    // include it.
    return """
        WITH %1$s%2$s,
        totals AS (SELECT grp, sum(n) AS total FROM counted GROUP BY grp HAVING sum(n) > 0),
        top AS (SELECT grp, total FROM totals ORDER BY total DESC, grp LIMIT :limit)
        SELECT grp, true AS top, NULL AS groups, %3$s
        FROM counted WHERE grp IN (SELECT grp FROM top) GROUP BY grp
        UNION ALL
        SELECT NULL, false, (SELECT count(*) FROM totals), %3$s FROM counted
        ORDER BY top DESC, total DESC, grp""".formatted(choice, counted, sums(filter));
  }

  /**
   * The ranking of every group of {@code read} in [from, to), a range within two calendar months,
   * counted from the month-to-date rows (V011, V012): the range's days and months are a few
   * signed days of those rows ({@link MonthToDate}), one row per group each, plus its correction
   * hours and the queued changes. Only the top groups are then read in full, by
   * value, and the whole is the tenant's own rows ('all'), which count every group. A company
   * breakdown of 30 days across two months read 115,000 day rows to rank 5,000 companies (179 ms
   * at 10 million ratings, 280 to 430 with a source or score filter); it now reads three rows per
   * company, and with a filter it reads them from the index alone unless the filter has both a
   * source and a scale or score ({@link #monthToDateCount}).
   */
  private static String rankedByMonthToDate(Instant from, Instant to, AnalyticsFilter filter, Dimension read,
      SqlParams params) {
    List<Instant> boundaries = List.of(from, to);
    TimeCover.Cover cover = bindCover("", boundaries, params);
    SortedMap<LocalDate, Integer> signedDays = MonthToDate.signedDays(cover.bulk());
    params.text("mtd_days", array(signedDays.keySet().stream().map(LocalDate::toString)))
        .text("mtd_signs", array(signedDays.values().stream().map(String::valueOf)));
    String columns = String.join(", ", COUNTS);
    StringBuilder counted = new StringBuilder("""
        SELECT m.value, d.sign * m.n
        FROM unnest(CAST(:mtd_days AS date[]), CAST(:mtd_signs AS integer[])) AS d (day, sign)
        CROSS JOIN LATERAL (
          SELECT r.value, %s AS n FROM feedback_month_to_date AS r
          WHERE r.tenant_id = :tenant AND r.dim = '%s' AND r.day = d.day
          OFFSET 0) AS m
        """.formatted(monthToDateCount(filter), read.sqlName()));
    if (!cover.corrections().isEmpty()) {
      counted.append("UNION ALL\nSELECT grp, n FROM (")
          .append(correctionRows("", filter, where(read, filter, "", params), Key.VALUE))
          .append(") AS c (grp, ").append(columns).append(")\n");
    }
    String top = " AND r.value = ANY (CAST((SELECT array_agg(grp) FROM top) AS text[]))";
    return """
        WITH queued (grp, %1$s) AS (%2$s),
        counted (grp, n) AS (%3$sUNION ALL
        SELECT grp, n FROM queued),
        totals AS (SELECT grp, sum(n) AS total FROM counted GROUP BY grp HAVING sum(n) > 0),
        top AS (SELECT grp, total FROM totals ORDER BY total DESC, grp LIMIT :limit),
        picked (grp, %1$s) AS (%4$sUNION ALL
        SELECT * FROM queued WHERE grp IN (SELECT grp FROM top)),
        whole (grp, %1$s) AS (%5$sUNION ALL
        SELECT * FROM queued)
        SELECT grp, true AS top, NULL AS groups, %6$s
        FROM picked GROUP BY grp
        UNION ALL
        SELECT NULL, false, (SELECT count(*) FROM totals), %6$s FROM whole
        ORDER BY top DESC, total DESC, grp""".formatted(columns,
        queuedRows(boundaries, read, filter, Key.VALUE, params), counted,
        rangeRows(from, to, read, filter, Key.VALUE, top, params),
        rangeRows(from, to, null, filter, Key.VALUE, "", params), sums(filter));
  }

  /**
   * A month-to-date row's (alias r) count of the ratings the filter counts, written as the
   * shorter of those counts added up or n less the others ({@link #part}): n itself without a
   * filter; its per-rating counts (V014) with a scale or score filter but every source; its
   * per-source counts (V014) with a source filter but every rating. These are in the key's index,
   * so the ranking reads the index alone. With both kinds of filter, its source-rating columns
   * (V012), which are only in the rows.
   */
  private static String monthToDateCount(AnalyticsFilter filter) {
    List<Source> sources = sources(filter);
    boolean everySource = sources.size() == Source.values().length;
    boolean everyRating = RatingSlot.ALL.stream().allMatch(filter::counts);
    if (everySource && everyRating) {
      return "r.n";
    }
    Map<Boolean, List<String>> counted;
    if (everySource) {
      counted = RatingSlot.ALL.stream().collect(partitioningBy(filter::counts,
          mapping(slot -> "coalesce(r." + slot.column() + ", 0)", toList())));
    } else if (everyRating) {
      counted = Arrays.stream(Source.values()).collect(partitioningBy(sources::contains,
          mapping(source -> "coalesce(r." + RollupSql.countColumn(source) + ", 0)", toList())));
    } else {
      counted = Arrays.stream(Source.values())
          .flatMap(source -> RatingSlot.ALL.stream().map(slot -> Map.entry(source, slot)))
          .collect(partitioningBy(column -> sources.contains(column.getKey()) && filter.counts(column.getValue()),
              mapping(column -> sourceRating(column.getKey(), column.getValue()), toList())));
    }
    return part("r.n", counted.get(true), counted.get(false));
  }

  /**
   * The rollup rows of [from, to), read one of two ways, whichever touches fewer rows: as a range
   * ({@link #rangeRows}: its own cover or the months around it), or as all time (one row per
   * group, the 'total' grain) minus what lies before and after it. A range that spans most of
   * the ratings, such as "the last two years" of a tenant two years old, is then about as cheap
   * as all time: for 5,000 companies, about 5,000 rows instead of one per company and month.
   * Both ways are in the statement; a one-time filter on the choice (the CTE "choice" of
   * {@link #complementIsSmaller}) runs only one of them.
   */
  private static String rangeOrComplement(Instant from, Instant to, Dimension dimension, AnalyticsFilter filter,
      Key key, SqlParams params) {
    return "SELECT * FROM (" + rangeRows(from, to, dimension, filter, key, "", params)
        + ") AS r WHERE NOT (SELECT complement FROM choice)\n"
        + "UNION ALL\nSELECT * FROM ("
        + difference("all_", DateRange.BEFORE_ANY, DateRange.AFTER_ANY, from, to, dimension, filter, key, "",
            params)
        + ") AS r WHERE (SELECT complement FROM choice)\n";
  }

  /**
   * Whether all time minus the outside may be the cheaper way to read [from, to): not for all time
   * itself (already one row per group), nor for a range within two calendar months. Such a range
   * reads at most about two monthly rows per group plus its ends, so all time could save little,
   * and leaving that way out of the statement saves planning it (4 to 5 ms for a 30-day company
   * breakdown at 10 million ratings).
   */
  private static boolean mayReadComplement(Instant from, Instant to) {
    return !isAllTime(from, to) && to.isAfter(Grain.MONTH.next(Grain.MONTH.next(Grain.MONTH.floor(from))));
  }

  private static boolean isAllTime(Instant from, Instant to) {
    return from.equals(DateRange.BEFORE_ANY) && to.equals(DateRange.AFTER_ANY);
  }

  /**
   * The rollup rows of [from, to) as its time cover, or as the whole UTC months around it plus or
   * minus the stretches to its ends ({@link TimeCover#enclosingMonths}): 30 days from the 2nd are
   * a month and a day of rows, not 30 days of rows.
   */
  private static String rangeRows(Instant from, Instant to, Dimension dimension, AnalyticsFilter filter,
      Key key, String only, SqlParams params) {
    if (isAllTime(from, to)) {
      // Already one row per group: the 'total' grain.
      return rollupRows("", List.of(from, to), dimension, filter, key, only, params);
    }
    return TimeCover.enclosingMonths(from, to)
        .map(months -> difference("months_", months.from(), months.to(), from, to, dimension, filter, key, only,
            params))
        .orElseGet(() -> rollupRows("", List.of(from, to), dimension, filter, key, only, params));
  }

  /**
   * The rollup rows of [from, to) as those of [outerFrom, outerTo), minus the stretch between
   * each end and the outer one where the range starts later or ends earlier, plus it where the
   * range starts earlier or ends later; each of them read as its own time cover.
   */
  private static String difference(String p, Instant outerFrom, Instant outerTo, Instant from, Instant to,
      Dimension dimension, AnalyticsFilter filter, Key key, String only, SqlParams params) {
    StringBuilder sql = new StringBuilder(
        rollupRows(p, List.of(outerFrom, outerTo), dimension, filter, key, only, params));
    if (!from.equals(outerFrom)) {
      String start = rollupRows(p + "start_", List.of(min(from, outerFrom), max(from, outerFrom)), dimension, filter,
          key, only, params);
      sql.append("UNION ALL\n").append(from.isAfter(outerFrom) ? negated(start) : start);
    }
    if (!to.equals(outerTo)) {
      String end = rollupRows(p + "end_", List.of(min(to, outerTo), max(to, outerTo)), dimension, filter, key, only,
          params);
      sql.append("UNION ALL\n").append(to.isBefore(outerTo) ? negated(end) : end);
    }
    return sql.toString();
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** The rows with each count negated. */
  private static String negated(String rows) {
    return "SELECT grp, " + COUNTS.stream().map(column -> "-" + column).collect(joining(", "))
        + " FROM (" + rows + ") AS r (grp, " + String.join(", ", COUNTS) + ")\n";
  }

  /**
   * The CTE "choice": whether more of the tenant's ratings lie in [from, to) than outside it,
   * judged by its monthly counts of all ratings (a few dozen rows), so that reading all time
   * minus the outside touches fewer rows than reading the range.
   */
  private static String complementIsSmaller(Instant from, Instant to, SqlParams params) {
    params.timestamp("choice_from", Grain.MONTH.floor(from)).timestamp("choice_to", to);
    String ratings = RatingSlot.ALL.stream().map(slot -> "r." + slot.column()).collect(joining(" + "));
    return """
        choice AS (
          SELECT 2 * coalesce(sum(%s) FILTER (WHERE r.bucket >= :choice_from AND r.bucket < :choice_to), 0)
                 > coalesce(sum(%s), 0) AS complement
          FROM feedback_rollups AS r
          WHERE r.tenant_id = :tenant AND r.dim = 'all' AND r.value = '' AND r.grain = 'month'
        )""".formatted(ratings, ratings);
  }

  /**
   * The rollup rows to sum for the periods between {@code boundaries}, each with its key first
   * (see below), then its rating columns, its count n and its per-source counts
   * ({@link #queuedRows} adds the changes not rolled up yet):
   *
   * <ul>
   *   <li>the rollup rows of {@code dimension} ('all' if null) in the bulk of the periods'
   *       {@link TimeCover}, one index range scan per range, each in its aligned period;
   *   <li>the rollup rows of its corrections, one index range scan per run of buckets that lie
   *       in one true and one aligned period ({@link CorrectionRuns}), summed per run (a
   *       boundary's stretch of hours is then one row), and each sum once in its true period and
   *       once negated in its aligned period (periods outside 1..n dropped).
   * </ul>
   *
   * <p>The key is the 1-based period, or for a breakdown the dimension's value or the source.
   * {@code only} narrows the rows further (" AND ..." on alias r, or ""). Parameters of the time
   * cover are named with the prefix {@code p}, so that one statement can hold several covers; a
   * cover read twice binds them once.
   */
  private static String rollupRows(String p, List<Instant> boundaries, Dimension dimension, AnalyticsFilter filter,
      Key key, String only, SqlParams params) {
    TimeCover.Cover cover = bindCover(p, boundaries, params);
    String where = where(dimension, filter, only, params);
    String period = "width_bucket(r.bucket, (SELECT CAST(:" + p + "aligned AS timestamptz[])))";
    // One index range scan per bulk range (LATERAL, and OFFSET 0 so that the planner cannot pull
    // the subquery up into a join that scans every row of the dimension against every range).
    String bulk = """
        SELECT r.*
        FROM unnest(CAST(:%1$sgrains AS text[]), CAST(:%1$sfroms AS timestamptz[]), CAST(:%1$stos AS timestamptz[]))
          AS bulk (grain, lo, hi)
        CROSS JOIN LATERAL (
          %2$s
          OFFSET 0) AS r
        """.formatted(p, counted("", key, period, filter, "feedback_rollups AS r",
        where + " AND r.grain = bulk.grain AND r.bucket >= bulk.lo AND r.bucket < bulk.hi"));
    return cover.corrections().isEmpty() ? bulk
        : bulk + "UNION ALL\n" + correctionRows(p, filter, where, key);
  }

  /** The time cover of {@code boundaries}, its parameters bound with the prefix {@code p} (once). */
  private static TimeCover.Cover bindCover(String p, List<Instant> boundaries, SqlParams params) {
    TimeCover.Cover cover = TimeCover.of(boundaries);
    if (params.has(p + "periods")) {
      return cover;
    }
    params.text(p + "grains", array(cover.bulk().stream().map(range -> range.grain().sqlName())))
        .text(p + "froms", array(cover.bulk().stream().map(range -> range.from().toString())))
        .text(p + "tos", array(cover.bulk().stream().map(range -> range.to().toString())))
        .text(p + "aligned", array(cover.aligned().stream().map(Instant::toString)))
        .integer(p + "periods", boundaries.size() - 1);
    List<CorrectionRuns.Run> runs = CorrectionRuns.of(cover, boundaries);
    params.text(p + "fix_grains", array(runs.stream().map(run -> run.grain().sqlName())))
        .text(p + "fix_froms", array(runs.stream().map(run -> run.from().toString())))
        .text(p + "fix_tos", array(runs.stream().map(run -> run.to().toString())))
        .text(p + "fix_truly", array(runs.stream().map(run -> String.valueOf(run.truly()))))
        .text(p + "fix_aligned", array(runs.stream().map(run -> String.valueOf(run.aligned()))));
    return cover;
  }

  /** The condition on rollup rows (alias r) of {@code dimension} ('all' if null) and the filter's values. */
  private static String where(Dimension dimension, AnalyticsFilter filter, String only, SqlParams params) {
    return "r.tenant_id = :tenant AND r.dim = '" + (dimension == null ? "all" : dimension.sqlName()) + "'"
        + valueFilter(dimension, filter, params) + only;
  }

  /**
   * The rollup rows of the cover's corrections that {@code where} keeps, keyed and signed as
   * {@link #rollupRows} says; the cover's parameters are bound ({@link #bindCover}). Each run of
   * correction buckets ({@link CorrectionRuns}) is one index range scan, summed per group before
   * it counts in its two periods: the final sum then takes two rows a run (for a day in Sydney,
   * the 10 or 11 hours of one boundary), not two per bucket.
   */
  private static String correctionRows(String p, AnalyticsFilter filter, String where, Key key) {
    return """
        SELECT %1$s, %2$s
        FROM unnest(CAST(:%3$sfix_grains AS text[]), CAST(:%3$sfix_froms AS timestamptz[]),
          CAST(:%3$sfix_tos AS timestamptz[]), CAST(:%3$sfix_truly AS integer[]),
          CAST(:%3$sfix_aligned AS integer[])) AS fix (grain, lo, hi, truly, aligned)
        CROSS JOIN LATERAL (
          SELECT r.grp, %4$s
          FROM (%5$s) AS r (grp, %6$s)
          GROUP BY r.grp
          OFFSET 0) AS r
        CROSS JOIN LATERAL (VALUES (fix.truly, 1), (fix.aligned, -1)) AS x (period, sign)
        WHERE x.period BETWEEN 1 AND :%3$speriods
        """.formatted(key == Key.PERIOD ? "x.period" : "r.grp",
        COUNTS.stream().map(column -> "x.sign * r." + column).collect(joining(", ")), p,
        summedCounts("r."),
        counted("", key, "0", filter, "feedback_rollups AS r",
            where + " AND r.grain = fix.grain AND r.bucket >= fix.lo AND r.bucket < fix.hi"),
        String.join(", ", COUNTS));
  }

  /**
   * " AND" the filter's values for rollup rows (alias r) of {@code dimension}, if it has values: as
   * a list the planner can see, one parameter each. With an array parameter behind a cast it
   * cannot see the keys, and for a company filter it read every company's rows of the range (51
   * ms instead of 3 at 1 million ratings).
   */
  private static String valueFilter(Dimension dimension, AnalyticsFilter filter, SqlParams params) {
    if (filter.dimension() == null) {
      return "";
    }
    String rollupValue = filter.dimension() == dimension ? "r.value" : "split_part(r.value, '/', 1)";
    return " AND " + rollupValue + " IN " + valueList(filter, params);
  }

  /**
   * A SELECT of the rollup rows of {@code from} (alias r) that {@code where} keeps ("" for all):
   * {@code leading}, the key ({@code period}, the value, or for a breakdown by source the source's
   * name) and the {@link #COUNTS} of the ratings the filter counts.
   */
  private static String counted(String leading, Key key, String period, AnalyticsFilter filter, String from,
      String where) {
    List<Source> sources = sources(filter);
    String total = plus(RatingSlot.ALL.stream().filter(filter::counts).map(slot -> "r." + slot.column()));
    String ratings = RatingSlot.ALL.stream().map(slot -> filter.counts(slot) ? "r." + slot.column() : "0")
        .collect(joining(", "));
    String perSource = Arrays.stream(Source.values())
        .map(source -> !sources.contains(source) ? "0"
            : key == Key.SOURCE ? "CASE WHEN r.value = '" + source.wireName() + "' THEN " + total + " ELSE 0 END"
            : "r." + RollupSql.countColumn(source))
        .collect(joining(", "));
    return "SELECT " + leading + (key == Key.PERIOD ? period : "r.value") + ", " + ratings + ", " + total + ", "
        + perSource + "\nFROM (" + (key == Key.SOURCE ? bySource(filter, from) : filtered(filter, from))
        + (where.isEmpty() ? "" : "\nWHERE " + where) + ") AS r";
  }

  /**
   * The rollup rows of {@code from} (alias r), as their bucket, value, rating columns and per-source
   * counts of the ratings from the filter's sources on its scales and scores: a row's own columns
   * where the filter keeps every source (for a rating) or every rating (for a source's count),
   * otherwise summed from its columns per source and rating.
   */
  private static String filtered(AnalyticsFilter filter, String from) {
    List<Source> sources = sources(filter);
    List<Source> otherSources = Arrays.stream(Source.values()).filter(source -> !sources.contains(source)).toList();
    List<RatingSlot> slots = RatingSlot.ALL.stream().filter(filter::counts).toList();
    List<RatingSlot> otherSlots = RatingSlot.ALL.stream().filter(slot -> !filter.counts(slot)).toList();
    String ratings = RatingSlot.ALL.stream()
        .map(slot -> (!filter.counts(slot) ? "0" : part("r." + slot.column(),
            sources.stream().map(source -> sourceRating(source, slot)).toList(),
            otherSources.stream().map(source -> sourceRating(source, slot)).toList())) + " AS " + slot.column())
        .collect(joining(", "));
    String perSource = Arrays.stream(Source.values())
        .map(source -> (!sources.contains(source) ? "0" : part("r." + RollupSql.countColumn(source),
            slots.stream().map(slot -> sourceRating(source, slot)).toList(),
            otherSlots.stream().map(slot -> sourceRating(source, slot)).toList()))
            + " AS " + RollupSql.countColumn(source))
        .collect(joining(", "));
    return "SELECT r.bucket, r.value, " + ratings + ", " + perSource + " FROM " + from;
  }

  /**
   * The sum of the {@code included} columns of a {@code whole} that is the sum of them and the
   * {@code excluded} ones, written as the shorter of the two: the included summed, or the whole
   * less the excluded. Six of seven sources are then one subtraction, not six additions, which
   * keeps the statement of a filtered breakdown within the Data API's 64 KiB of SQL.
   */
  private static String part(String whole, List<String> included, List<String> excluded) {
    if (excluded.isEmpty()) {
      return whole;
    }
    return included.size() <= excluded.size() ? plus(included.stream())
        : "(" + whole + " - " + plus(excluded.stream()) + ")";
  }

  /**
   * The rollup rows of {@code from} (alias r), each unfolded into one row per source the filter keeps:
   * its bucket, the source's name as its value, and its rating columns from that source.
   */
  private static String bySource(AnalyticsFilter filter, String from) {
    String unfolded = sources(filter).stream()
        .map(source -> RatingSlot.ALL.stream().map(slot -> "r." + RollupSql.sourceRatingColumn(source, slot))
            .collect(joining(", ", "('" + source.wireName() + "', ", ")")))
        .collect(joining(",\n  "));
    String ratings = RatingSlot.ALL.stream()
        .map(slot -> "coalesce(s." + slot.column() + ", 0) AS " + slot.column()).collect(joining(", "));
    return "SELECT r.bucket, s.value, " + ratings + "\nFROM " + from + "\nCROSS JOIN LATERAL (VALUES "
        + unfolded + ") AS s (value, " + RollupSql.RATING_COLUMNS + ")";
  }

  /** The queued changes in [first, last boundary), keyed like the rollup rows. */
  private static String queuedRows(List<Instant> boundaries, Dimension dimension, AnalyticsFilter filter, Key key,
      SqlParams params) {
    params.text("queued_boundaries", array(boundaries.stream().map(Instant::toString)))
        .timestamp("queued_from", boundaries.getFirst())
        .timestamp("queued_to", boundaries.getLast());
    StringBuilder tailFilter = new StringBuilder();
    if (!filter.sources().isEmpty()) {
      tailFilter.append(" AND c.source IN ").append(sourceList(filter));
    }
    if (filter.dimension() != null) {
      tailFilter.append(" AND ").append(RollupSql.value(filter.dimension(), "c")).append(" IN ")
          .append(valueList(filter, params));
    }
    String tailKey = switch (key) {
      case PERIOD -> "width_bucket(c.created_at, (SELECT CAST(:queued_boundaries AS timestamptz[])))";
      case VALUE -> RollupSql.value(dimension, "c");
      case SOURCE -> "c.source";
    };
    String tailColumns = RatingSlot.ALL.stream()
        .map(slot -> "CASE WHEN " + RollupSql.isSlot(slot, "c") + " THEN c.delta ELSE 0 END")
        .collect(joining(", "));
    String total = queuedTotal(filter);
    String sourceCounts = Arrays.stream(Source.values())
        .map(source -> "CASE WHEN c.source = '" + source.wireName() + "' THEN " + total + " ELSE 0 END")
        .collect(joining(", "));
    // Summed per key, source and rating first, so that the counts are worked out once per group,
    // not once per change: a queue two days long at 10 million ratings holds 27,000 changes.
    return """
        SELECT c.grp, %s, %s, %s
        FROM (
          SELECT %s AS grp, c.source, c.scale, c.rating, CAST(sum(c.delta) AS integer) AS delta
          FROM feedback_changes AS c
          WHERE c.tenant_id = :tenant AND c.created_at >= :queued_from AND c.created_at < :queued_to%s
          GROUP BY 1, 2, 3, 4
        ) AS c
        """.formatted(tailColumns, total, sourceCounts, tailKey, tailFilter);
  }

  /** The filter's sources, or every source, as a literal list of their names: "('api', 'prompted')". */
  private static String sourceList(AnalyticsFilter filter) {
    return sources(filter).stream().map(source -> "'" + source.wireName() + "'").sorted()
        .collect(joining(", ", "(", ")"));
  }

  /**
   * The filter's dimension values as a list of parameters, "(:value_0, :value_1)", bound on the
   * first call (every part of a statement filters on the same values).
   */
  private static String valueList(AnalyticsFilter filter, SqlParams params) {
    StringBuilder listed = new StringBuilder();
    for (int i = 0; i < filter.values().size(); i++) {
      listed.append(i == 0 ? "(" : ", ").append(":value_").append(i);
    }
    if (!params.has("value_0")) {
      for (int i = 0; i < filter.values().size(); i++) {
        params.text("value_" + i, filter.values().get(i));
      }
    }
    return listed.append(")").toString();
  }

  /** The filter's sources, or every source, in {@link Source} order. */
  private static List<Source> sources(AnalyticsFilter filter) {
    return Arrays.stream(Source.values())
        .filter(source -> filter.sources().isEmpty() || filter.sources().contains(source)).toList();
  }

  private static String sourceRating(Source source, RatingSlot slot) {
    return "coalesce(r." + RollupSql.sourceRatingColumn(source, slot) + ", 0)";
  }

  /** The terms added up, in parentheses; "0" for none. */
  private static String plus(Stream<String> terms) {
    String sum = terms.collect(joining(" + "));
    return sum.isEmpty() ? "0" : "(" + sum + ")";
  }

  /**
   * A queued change's (alias c) count of the ratings the filter counts: its delta when its slot
   * counts. Without a scale or score filter that is every change (feedbacks' check keeps each
   * rating on its scale), and the plain delta spares the 10,659 company groups of a tail of
   * 27,398 changes 17 comparisons in each of eight sums: at 10 million ratings (pgbench) the
   * company breakdown over all time went from 91 to 75 ms with that tail, over two years from 99
   * to 84.
   */
  private static String queuedTotal(AnalyticsFilter filter) {
    List<RatingSlot> counted = RatingSlot.ALL.stream().filter(filter::counts).toList();
    if (counted.isEmpty()) {
      return "0";
    }
    if (counted.size() == RatingSlot.ALL.size()) {
      return "c.delta";
    }
    return "CASE WHEN " + counted.stream().map(slot -> "(" + RollupSql.isSlot(slot, "c") + ")")
        .collect(joining(" OR ")) + " THEN c.delta ELSE 0 END";
  }

  /**
   * The counted rating columns summed (the others 0), each source's count and the total; 0, not
   * NULL, where there are no rows (a breakdown's whole when no group has ratings).
   */
  private static String sums(AnalyticsFilter filter) {
    String ratings = RatingSlot.ALL.stream()
        .map(slot -> (filter.counts(slot) ? sum(slot.column()) : "0") + " AS " + slot.column())
        .collect(joining(", "));
    String sources = Arrays.stream(Source.values())
        .map(source -> sum(RollupSql.countColumn(source)) + " AS " + source.wireName())
        .collect(joining(", "));
    return ratings + ", " + sources + ", " + sum("n") + " AS total";
  }

  /** Each of {@link #COUNTS} summed (of {@code alias} + column) and named as itself. */
  private static String summedCounts(String alias) {
    return COUNTS.stream().map(column -> "CAST(sum(" + alias + column + ") AS integer) AS " + column)
        .collect(joining(", "));
  }

  private static String sum(String column) {
    return "coalesce(sum(" + column + "), 0)";
  }

  /** A PostgreSQL array literal of the values, each quoted. */
  static String array(Stream<String> values) {
    return values.map(value -> "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
        .collect(joining(",", "{", "}"));
  }
}
