package dev.csat.analytics;

import static java.util.stream.Collectors.joining;

import dev.csat.feedback.Source;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * The SQL that feedback_rollups (V008) is read and written with: column lists, the value each
 * dimension takes from a change row, and the statement that moves a batch of queued changes
 * into the rollups.
 */
final class RollupSql {
  /** Every rating column, in {@link RatingSlot} order: "ten_1, ten_2, ..., thumbs_1". */
  static final String RATING_COLUMNS = RatingSlot.ALL.stream().map(RatingSlot::column).collect(joining(", "));
  /** Every per-source count column, in {@link Source} order: "n_prompted, ..., n_api" (V008 has one per source). */
  static final String SOURCE_COLUMNS = Arrays.stream(Source.values()).map(RollupSql::countColumn)
      .collect(joining(", "));

  /**
   * The values of {@link #RATING_COLUMNS} then {@link #SOURCE_COLUMNS} for a group of change rows
   * aliased {@code expanded}, with columns scale, rating, delta and counted_source (the change's
   * own source, whichever source the row it goes to counts).
   */
  static final String SUMS = Stream.concat(
          RatingSlot.ALL.stream().map(slot -> isSlot(slot, "expanded")),
          Arrays.stream(Source.values()).map(source -> "expanded.counted_source = '" + source.wireName() + "'"))
      .map(counts -> "coalesce(sum(expanded.delta) FILTER (WHERE " + counts + "), 0)")
      .collect(joining(", "));

  /*
   * The oldest changes, each taken by one run only (SKIP LOCKED), deleted from the queue and added
   * to every grain and dimension, in the row of its source and in the row of all sources (''), in
   * the same statement: a change is always either queued or rolled up. Rows are written in key
   * order so that concurrent runs lock them in the same order.
   */
  static final String ROLL_UP = """
      WITH batch AS (
        DELETE FROM feedback_changes
        WHERE seq IN (SELECT seq FROM feedback_changes ORDER BY seq LIMIT :limit FOR UPDATE SKIP LOCKED)
        RETURNING *
      ), expanded AS (
        SELECT b.tenant_id, d.dim, d.value, g.grain, g.bucket, s.source, b.source AS counted_source, b.scale,
               b.rating, b.delta
        FROM batch AS b
        CROSS JOIN LATERAL (VALUES %s) AS g (grain, bucket)
        CROSS JOIN LATERAL (VALUES ('all', ''), %s) AS d (dim, value)
        CROSS JOIN LATERAL (VALUES (b.source), ('')) AS s (source)
      ), stored AS (
        INSERT INTO feedback_rollups AS r (tenant_id, dim, value, grain, bucket, source, %s, %s)
        SELECT tenant_id, dim, value, grain, bucket, source, %s
        FROM expanded
        GROUP BY tenant_id, dim, grain, source, bucket, value
        ORDER BY tenant_id, dim, grain, source, bucket, value
        ON CONFLICT (tenant_id, dim, grain, source, bucket, value) DO UPDATE SET %s
        RETURNING 1
      )
      SELECT count(*) AS changes, (SELECT count(*) FROM stored) AS rows FROM batch""".formatted(
      Arrays.stream(Grain.values())
          .map(grain -> "('" + grain.sqlName() + "', " + bucket(grain, "b") + ")")
          .collect(joining(", ")),
      Arrays.stream(Dimension.values())
          .map(dimension -> "('" + dimension.sqlName() + "', " + value(dimension, "b") + ")")
          .collect(joining(", ")),
      RATING_COLUMNS,
      SOURCE_COLUMNS,
      SUMS,
      Stream.concat(RatingSlot.ALL.stream().map(RatingSlot::column),
              Arrays.stream(Source.values()).map(RollupSql::countColumn))
          .map(column -> column + " = r." + column + " + EXCLUDED." + column).collect(joining(", ")));

  private RollupSql() {}

  /** The start of the UTC bucket of {@code grain} holding a change row aliased {@code row} (as {@link Grain#floor}). */
  static String bucket(Grain grain, String row) {
    return switch (grain) {
      case QUARTER -> "date_bin('15 minutes', " + row + ".created_at, TIMESTAMPTZ '2000-01-01 00:00:00+00')";
      case HOUR -> "date_trunc('hour', " + row + ".created_at, 'UTC')";
      case DAY -> "date_trunc('day', " + row + ".created_at, 'UTC')";
      case MONTH -> "date_trunc('month', " + row + ".created_at, 'UTC')";
      case TOTAL -> "TIMESTAMPTZ '2000-01-01 00:00:00+00'";
    };
  }

  /** The value of {@code dimension} for a feedbacks or feedback_changes row aliased {@code row}; '' for none. */
  static String value(Dimension dimension, String row) {
    return switch (dimension) {
      case PRODUCT -> "coalesce(" + row + ".product_key, '')";
      case FEATURE -> "coalesce(" + row + ".product_key || '/' || coalesce(" + row + ".feature_key, ''), '')";
      case PLATFORM -> "coalesce(" + row + ".platform, '')";
      case COMPANY -> "coalesce(" + row + ".company_id, '')";
      case AGENT -> "coalesce(" + row + ".agent_id, '')";
      case CARRIER -> "coalesce(" + row + ".carrier, '')";
    };
  }

  /** The feedback_rollups column counting the ratings of {@code source}. */
  static String countColumn(Source source) {
    return "n_" + source.wireName();
  }

  /** Whether a row aliased {@code row} (with scale and rating columns) is a rating of this slot. */
  static String isSlot(RatingSlot slot, String row) {
    return row + ".scale = '" + slot.scale().wireName() + "' AND " + row + ".rating = " + slot.rating();
  }
}
