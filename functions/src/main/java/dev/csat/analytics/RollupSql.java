package dev.csat.analytics;

import static java.util.stream.Collectors.joining;

import dev.csat.feedback.Source;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The SQL that feedback_rollups (V010) is read and written with: column lists, the value each
 * dimension takes from a change row, and the statement that moves a batch of queued changes
 * into the rollups.
 */
final class RollupSql {
  /** Every rating column, in {@link RatingSlot} order: "ten_1, ten_2, ..., thumbs_1". */
  static final String RATING_COLUMNS = RatingSlot.ALL.stream().map(RatingSlot::column).collect(joining(", "));
  /** Every per-source count column, in {@link Source} order: "n_prompted, ..., n_api". */
  static final String SOURCE_COLUMNS = Arrays.stream(Source.values()).map(RollupSql::countColumn)
      .collect(joining(", "));
  /** Every source's rating columns, source by source: "prompted_ten_1, ..., api_thumbs_1" (NULL for zero). */
  static final String SOURCE_RATING_COLUMNS = sourceRatingColumns().collect(joining(", "));
  /**
   * The count columns that are never NULL, all a request without a filter on sources or ratings
   * reads: the ratings, then the per-source counts.
   */
  static final List<String> COUNT_COLUMNS = Stream.concat(RatingSlot.ALL.stream().map(RatingSlot::column),
      Arrays.stream(Source.values()).map(RollupSql::countColumn)).toList();

  /**
   * The values of {@link #RATING_COLUMNS}, {@link #SOURCE_COLUMNS} and {@link #SOURCE_RATING_COLUMNS}
   * for a group of rows aliased {@code slots}, each the sum of the changes of one source, scale and
   * rating (columns source, scale, rating, delta) in a bucket. A source's rating count of zero is
   * NULL, so that rows stay small.
   */
  static final String SUMS = Stream.of(
          RatingSlot.ALL.stream().map(slot -> dense(isSlot(slot, "slots"))),
          Arrays.stream(Source.values()).map(source -> dense(isSource(source, "slots"))),
          Arrays.stream(Source.values()).flatMap(source -> RatingSlot.ALL.stream()
              .map(slot -> "NULLIF(sum(slots.delta) FILTER (WHERE " + isSource(source, "slots") + " AND "
                  + isSlot(slot, "slots") + "), 0)")))
      .flatMap(sums -> sums).collect(joining(", "));

  /*
   * The oldest changes, each taken by one run only (SKIP LOCKED), deleted from the queue and added
   * to the row of every grain and dimension, in the same statement: a change is always either
   * queued or rolled up. The changes are summed per row, source and rating first, so that the
   * 143 sums of a row go over a few groups rather than every change. Rows are written in key
   * order so that concurrent runs lock them in the same order.
   */
  static final String ROLL_UP = """
      WITH batch AS (
        DELETE FROM feedback_changes
        WHERE seq IN (SELECT seq FROM feedback_changes ORDER BY seq LIMIT :limit FOR UPDATE SKIP LOCKED)
        RETURNING *
      ), slots AS (
        SELECT b.tenant_id, d.dim, d.value, g.grain, g.bucket, b.source, b.scale, b.rating, sum(b.delta) AS delta
        FROM batch AS b
        CROSS JOIN LATERAL (VALUES %s) AS g (grain, bucket)
        CROSS JOIN LATERAL (VALUES ('all', ''), %s) AS d (dim, value)
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
      ), stored AS (
        INSERT INTO feedback_rollups AS r (tenant_id, dim, value, grain, bucket, %s, %s, %s)
        SELECT tenant_id, dim, value, grain, bucket, %s
        FROM slots
        GROUP BY tenant_id, dim, grain, bucket, value
        ORDER BY tenant_id, dim, grain, bucket, value
        ON CONFLICT (tenant_id, dim, grain, bucket, value) DO UPDATE SET %s
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
      SOURCE_RATING_COLUMNS,
      SUMS,
      Stream.concat(
              COUNT_COLUMNS.stream().map(column -> column + " = r." + column + " + EXCLUDED." + column),
              sourceRatingColumns().map(column -> column + " = NULLIF(coalesce(r." + column
                  + ", 0) + coalesce(EXCLUDED." + column + ", 0), 0)"))
          .collect(joining(", ")));

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

  /** The feedback_rollups column counting the ratings of {@code slot} from {@code source}, e.g. ticket_ten_7. */
  static String sourceRatingColumn(Source source, RatingSlot slot) {
    return source.wireName() + "_" + slot.column();
  }

  private static Stream<String> sourceRatingColumns() {
    return Arrays.stream(Source.values())
        .flatMap(source -> RatingSlot.ALL.stream().map(slot -> sourceRatingColumn(source, slot)));
  }

  private static String dense(String counts) {
    return "coalesce(sum(slots.delta) FILTER (WHERE " + counts + "), 0)";
  }

  private static String isSource(Source source, String row) {
    return row + ".source = '" + source.wireName() + "'";
  }

  /** Whether a row aliased {@code row} (with scale and rating columns) is a rating of this slot. */
  static String isSlot(RatingSlot slot, String row) {
    return row + ".scale = '" + slot.scale().wireName() + "' AND " + row + ".rating = " + slot.rating();
  }
}
