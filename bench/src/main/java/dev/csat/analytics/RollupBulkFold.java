package dev.csat.analytics;

import dev.csat.migrations.Migrations;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark data only: folds every queued change into an empty feedback_rollups at once. It
 * writes the rows the rollup function's batches would ({@link RollupSql#ROLL_UP}, the same
 * values and sums; RollupBulkFoldTest compares the two), but with one grouped INSERT per
 * dimension and grain into the table stripped of its indexes, which are then built once, in
 * one transaction. The function takes 17 minutes for 1 million queued ratings and would take
 * hours for 10 million, most of it keeping two large indexes up to date row by row.
 *
 * <p>Within each dimension and grain, rows go in in the order the function would create them
 * (by their first change); the function's table interleaves the dimensions and grains instead.
 */
public final class RollupBulkFold {
  /**
   * feedback_month_to_date from the day rows: the last statement of migration V012, which fills
   * the table as its trigger keeps it.
   */
  private static final String MONTH_TO_DATE =
      Migrations.statementsOf("V012__analytics_month_to_date_by_source_and_rating.sql").getLast();

  private RollupBulkFold() {}

  /**
   * When feedback_rollups is empty and changes are queued (a fresh load, or migration V010 on
   * existing data), folds them all in and empties the queue; otherwise does nothing. Returns the
   * changes folded; progress goes to {@code log}.
   */
  public static long foldIntoEmptyRollups(Connection connection, PrintStream log) throws SQLException {
    long queued;
    try (Statement statement = connection.createStatement()) {
      if (exists(statement, "SELECT 1 FROM feedback_rollups LIMIT 1")
          || !exists(statement, "SELECT 1 FROM feedback_changes LIMIT 1")) {
        return 0;
      }
      queued = single(statement, "SELECT count(*) FROM feedback_changes");
    }
    long started = System.nanoTime();
    log.printf("[rollups] folding %,d queued changes into the empty rollups in bulk%n", queued);
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET LOCAL work_mem = '2GB'");
      statement.execute("SET LOCAL maintenance_work_mem = '2GB'");
      statement.execute("SET LOCAL max_parallel_maintenance_workers = 2");
      statement.execute("SET LOCAL synchronous_commit = off");
      // Its triggers (V013) would spread each statement's day rows to the rest of their month while
      // the rows go in; the month-to-date rows are filled once at the end instead, as V012 fills them.
      statement.execute("ALTER TABLE feedback_rollups DISABLE TRIGGER USER");
      List<String> rebuild = dropIndexes(statement);
      for (var dim : dimValues().entrySet()) {
        for (Grain grain : Grain.values()) {
          long phase = System.nanoTime();
          int rows = statement.executeUpdate(insert(dim.getKey(), dim.getValue(), grain));
          log.printf("[rollups]   %-8s %-8s %,12d rows %8.1f s%n", dim.getKey(), grain.sqlName(), rows, seconds(phase));
        }
      }
      for (String definition : rebuild) {
        long phase = System.nanoTime();
        statement.execute(definition);
        log.printf("[rollups]   %s: %.1f s%n", definition, seconds(phase));
      }
      long phase = System.nanoTime();
      int rows = statement.executeUpdate(MONTH_TO_DATE);
      log.printf("[rollups]   month-to-date %,12d rows %8.1f s%n", rows, seconds(phase));
      statement.execute("ALTER TABLE feedback_rollups ENABLE TRIGGER USER");
      statement.execute("TRUNCATE feedback_changes");
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
    long vacuumStarted = System.nanoTime();
    try (Statement statement = connection.createStatement()) {
      // Sets the visibility maps too, as autovacuum would for the function's tables over time: the
      // rankings read the month-to-date rows from their index alone.
      statement.execute("VACUUM ANALYZE feedback_rollups, feedback_month_to_date");
    }
    log.printf("[rollups] vacuum analyze: %.1f s; folded %,d changes in %.1f s%n", seconds(vacuumStarted), queued,
        seconds(started));
    return queued;
  }

  /** Each dim feedback_rollups keeps, with the SQL of its value for a change row aliased b. */
  private static Map<String, String> dimValues() {
    Map<String, String> dims = new LinkedHashMap<>();
    dims.put("all", "''");
    for (Dimension dimension : Dimension.values()) {
      dims.put(dimension.sqlName(), RollupSql.value(dimension, "b"));
    }
    return dims;
  }

  /**
   * Every queued change's row of one dim and grain, summed per source and rating first as the
   * function does.
   */
  private static String insert(String dim, String value, Grain grain) {
    return """
        INSERT INTO feedback_rollups (tenant_id, dim, value, grain, bucket, %s, %s, %s)
        SELECT tenant_id, '%s', value, '%s', bucket, %s
        FROM (SELECT b.tenant_id, %s AS value, %s AS bucket, b.source, b.scale, b.rating, sum(b.delta) AS delta,
                     min(b.seq) AS seq
              FROM feedback_changes AS b
              GROUP BY 1, 2, 3, 4, 5, 6) AS slots
        GROUP BY tenant_id, value, bucket
        ORDER BY min(seq)""".formatted(RollupSql.RATING_COLUMNS, RollupSql.SOURCE_COLUMNS,
        RollupSql.SOURCE_RATING_COLUMNS, dim, grain.sqlName(), RollupSql.SUMS, value, RollupSql.bucket(grain, "b"));
  }

  /** Drops feedback_rollups' indexes (its primary key included); returns the statements that make them again. */
  private static List<String> dropIndexes(Statement statement) throws SQLException {
    Map<String, String> constraints = new LinkedHashMap<>();
    try (ResultSet rows = statement.executeQuery("""
        SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
        WHERE conrelid = 'feedback_rollups'::regclass AND contype IN ('p', 'u') ORDER BY conname""")) {
      while (rows.next()) {
        constraints.put(rows.getString(1), rows.getString(2));
      }
    }
    Map<String, String> indexes = new LinkedHashMap<>();
    try (ResultSet rows = statement.executeQuery("""
        SELECT indexname, indexdef FROM pg_indexes
        WHERE schemaname = current_schema() AND tablename = 'feedback_rollups' ORDER BY indexname""")) {
      while (rows.next()) {
        if (!constraints.containsKey(rows.getString(1))) {
          indexes.put(rows.getString(1), rows.getString(2));
        }
      }
    }
    List<String> rebuild = new ArrayList<>();
    for (var constraint : constraints.entrySet()) {
      statement.execute("ALTER TABLE feedback_rollups DROP CONSTRAINT " + constraint.getKey());
      rebuild.add("ALTER TABLE feedback_rollups ADD CONSTRAINT " + constraint.getKey() + " " + constraint.getValue());
    }
    for (var index : indexes.entrySet()) {
      statement.execute("DROP INDEX " + index.getKey());
      rebuild.add(index.getValue());
    }
    return rebuild;
  }

  private static boolean exists(Statement statement, String sql) throws SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      return rows.next();
    }
  }

  private static long single(Statement statement, String sql) throws SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }
}
