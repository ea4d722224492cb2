package dev.csat.bench;

import dev.csat.App;
import dev.csat.local.dataapi.LocalDataApi;
import dev.csat.local.db.EmbeddedDatabase;
import dev.csat.migrations.Migrations;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Benchmark data for the feedback inbox: a persistent embedded PostgreSQL whose database "csat"
 * holds the migrated schema, a small catalogue, 200 agents per tenant and {@code rows} feedbacks
 * of tenant 'acme' plus rows/100 of tenant 'globex'. A second run on the same directory finds
 * the data and only starts the server.
 *
 * <p>Run with {@code bench/run.sh inbox-data} ({@code ROWS=10000000} for ten million), or as
 * {@code FeedbackData <rows> [dataDir]}; the directory defaults to .csat/bench-&lt;rows&gt; under
 * the repository root. Other benchmarks call {@link #open(int, Path)}.
 *
 * <p>The rows are made server side by INSERT ... SELECT over generate_series, every value a
 * function of the row number n (hashes of n, no random state), so a load is reproducible.
 * Creation times are evenly spread over the two years ending 2026-11-01 and grow with n (rows are
 * written in creation order, as in production); each id is a UUIDv7 of its created_at.
 * The whole load is one transaction (secondary indexes dropped, rows inserted, indexes rebuilt),
 * so an interrupted load leaves nothing behind; VACUUM ANALYZE follows. Every rating is queued for
 * the analytics rollups, as migration V008 queues existing ratings, and then folded in by
 * {@link dev.csat.analytics.RollupBulkFold} (also on opening data whose rollups are still empty).
 */
public final class FeedbackData {
  public static final String DATABASE = "csat";
  public static final String TENANT = "acme";
  public static final String OTHER_TENANT = "globex";
  /** Creation times fall in [START, END). */
  public static final Instant START = Instant.parse("2024-11-01T00:00:00Z");
  public static final Instant END = Instant.parse("2026-11-01T00:00:00Z");
  public static final int AGENTS = 200;
  public static final int FEATURES = 10;

  /** Rows per INSERT ... SELECT statement. */
  static final int CHUNK = 1_000_000;

  private FeedbackData() {}

  /** {@code FeedbackData <rows> [dataDir]}: ensures the data, then prints rows per tenant and sizes. */
  public static void main(String[] args) throws SQLException {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: FeedbackData <rows> [dataDir]");
      System.exit(2);
    }
    int rows = Integer.parseInt(args[0].replace("_", "").replace(",", ""));
    Path dataDir = args.length > 1 ? Path.of(args[1]) : defaultDataDir(rows);
    try (EmbeddedDatabase database = open(rows, dataDir)) {
      describe(database, System.out);
    }
  }

  /**
   * Starts embedded PostgreSQL on dataDir, creates and migrates database "csat" and loads the
   * data unless tenant 'acme' already holds exactly {@code rows} feedbacks (and 'globex'
   * rows/100). Progress and the time of each phase go to stderr. The caller closes the database;
   * use {@code database.dataSource(FeedbackData.DATABASE)} or a {@link LocalDataApi} on it.
   */
  public static EmbeddedDatabase open(int rows, Path dataDir) {
    if (rows < 100) {
      throw new IllegalArgumentException("rows must be at least 100, not " + rows);
    }
    long started = System.nanoTime();
    EmbeddedDatabase database = EmbeddedDatabase.start(dataDir);
    try {
      database.createDatabase(DATABASE);
      migrate(database);
      phase("start and migrate (" + dataDir + ")", started);
      try (Connection connection = database.dataSource(DATABASE).getConnection()) {
        FeedbackDataLoader.ensure(connection, rows, System.err);
      }
      return database;
    } catch (SQLException | RuntimeException e) {
      try {
        database.close();
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e instanceof SQLException sql) {
        throw new IllegalStateException("loading the benchmark data failed: " + sql.getMessage(), sql);
      }
      throw (RuntimeException) e;
    }
  }

  /** .csat/bench-&lt;rows&gt; under the repository root (the nearest directory up with mvnw), else under the working directory. */
  public static Path defaultDataDir(int rows) {
    Path cwd = Path.of("").toAbsolutePath();
    Path root = cwd;
    for (Path dir = cwd; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve(".mvn"))) {
        root = dir;
        break;
      }
    }
    return root.resolve(".csat").resolve("bench-" + rows);
  }

  /** Rows per tenant, then the sizes of feedbacks, its TOAST table and each of its indexes. */
  public static void describe(EmbeddedDatabase database, PrintStream out) throws SQLException {
    try (Connection connection = database.dataSource(DATABASE).getConnection();
        Statement statement = connection.createStatement()) {
      out.println("feedbacks per tenant:");
      try (ResultSet rows = statement.executeQuery(
          "SELECT tenant_id, count(*) FROM feedbacks GROUP BY tenant_id ORDER BY tenant_id")) {
        while (rows.next()) {
          out.printf("  %-28s %,14d%n", rows.getString(1), rows.getLong(2));
        }
      }
      Map<String, Long> sizes = new LinkedHashMap<>();
      try (ResultSet rows = statement.executeQuery("""
          SELECT pg_relation_size('feedbacks'), pg_table_size('feedbacks'), pg_indexes_size('feedbacks'),
                 pg_total_relation_size('feedbacks')""")) {
        rows.next();
        sizes.put("heap", rows.getLong(1));
        sizes.put("heap + TOAST + maps", rows.getLong(2));
        sizes.put("all indexes", rows.getLong(3));
        sizes.put("total", rows.getLong(4));
      }
      out.println("feedbacks sizes:");
      sizes.forEach((name, bytes) -> out.printf("  %-28s %10s%n", name, megabytes(bytes)));
      out.println("indexes:");
      try (ResultSet rows = statement.executeQuery("""
          SELECT c.relname, pg_relation_size(c.oid)
          FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
          WHERE i.indrelid = 'feedbacks'::regclass
          ORDER BY pg_relation_size(c.oid) DESC, c.relname""")) {
        while (rows.next()) {
          out.printf("  %-28s %10s%n", rows.getString(1), megabytes(rows.getLong(2)));
        }
      }
    }
  }

  private static void migrate(EmbeddedDatabase database) {
    String[] keys = {"CSAT_DATA_API_ENDPOINT", "CSAT_DB_CLUSTER_ARN", "CSAT_DB_SECRET_ARN", "CSAT_DB_NAME"};
    Map<String, String> previous = new LinkedHashMap<>();
    for (String key : keys) {
      previous.put(key, System.getProperty(key));
    }
    try (LocalDataApi dataApi = LocalDataApi.start(database, "127.0.0.1", 0)) {
      System.setProperty("CSAT_DATA_API_ENDPOINT", dataApi.endpoint().toString());
      System.setProperty("CSAT_DB_CLUSTER_ARN", "arn:aws:rds:us-east-1:000000000000:cluster:bench");
      System.setProperty("CSAT_DB_SECRET_ARN", "arn:aws:secretsmanager:us-east-1:000000000000:secret:bench");
      System.setProperty("CSAT_DB_NAME", DATABASE);
      Migrations.fromClasspath().apply(App.dataApiFromConfig());
    } finally {
      // The endpoint is gone: leave no property pointing at it.
      previous.forEach((key, value) -> {
        if (value == null) {
          System.clearProperty(key);
        } else {
          System.setProperty(key, value);
        }
      });
    }
  }

  static void phase(String name, long startedNanos) {
    System.err.printf("[feedback data] %-44s %9.1f s%n", name, (System.nanoTime() - startedNanos) / 1e9);
  }

  private static String megabytes(long bytes) {
    return String.format("%,.1f MB", bytes / 1048576.0);
  }
}
