package dev.csat.analytics;

import static java.util.stream.Collectors.joining;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.csat.bench.FeedbackData;
import dev.csat.bench.RecordingRdsDataClient;
import dev.csat.data.DataApi;
import dev.csat.local.dataapi.LocalDataApi;
import dev.csat.local.db.EmbeddedDatabase;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;

/** The benchmark data's bulk fold writes exactly the rows the rollup function's batches write. */
class RollupBulkFoldTest {
  private static final int RATINGS = 3_000;
  /** Small batches, so that the function also adds to rows an earlier batch wrote. */
  private static final int BATCH = 500;

  @TempDir
  Path dataDir;

  @Test
  void foldsTheRowsTheRollupFunctionWrites() throws Exception {
    try (EmbeddedDatabase database = FeedbackData.open(RATINGS, dataDir);
        Connection connection = database.dataSource(FeedbackData.DATABASE).getConnection();
        Statement statement = connection.createStatement()) {
      assertEquals(0, count(statement, "SELECT count(*) FROM feedback_changes"), "the load's changes were folded");

      queueEveryRatingThenTakeSomeAway(statement);
      long queued = count(statement, "SELECT count(*) FROM feedback_changes");
      long ratings = count(statement, "SELECT sum(delta) FROM feedback_changes");
      statement.execute("TRUNCATE feedback_rollups, feedback_month_to_date");
      PrintStream noLog = new PrintStream(OutputStream.nullOutputStream());
      assertEquals(queued, RollupBulkFold.foldIntoEmptyRollups(connection, noLog));
      statement.execute("CREATE TABLE folded_in_bulk AS SELECT * FROM feedback_rollups");
      statement.execute("CREATE TABLE month_to_date_in_bulk AS SELECT * FROM feedback_month_to_date WHERE n <> 0");

      statement.execute("TRUNCATE feedback_rollups, feedback_month_to_date");
      queueEveryRatingThenTakeSomeAway(statement);
      rollUpWithTheFunction(database);

      assertEquals(0, count(statement, "SELECT count(*) FROM feedback_changes"));
      long rows = count(statement, "SELECT count(*) FROM feedback_rollups");
      assertEquals(rows, count(statement, "SELECT count(*) FROM folded_in_bulk"));
      assertEquals(0, count(statement, "SELECT count(*) FROM (TABLE feedback_rollups EXCEPT TABLE folded_in_bulk) d"));
      assertEquals(0, count(statement, "SELECT count(*) FROM (TABLE folded_in_bulk EXCEPT TABLE feedback_rollups) d"));
      // The month-to-date rows of the function's trigger are those of the bulk fold (a missing row
      // and a row of 0 both count 0), and each month's last one is the month's count.
      String function = "SELECT * FROM feedback_month_to_date WHERE n <> 0";
      assertEquals(0, count(statement, "SELECT count(*) FROM (" + function + " EXCEPT TABLE month_to_date_in_bulk) d"));
      assertEquals(0, count(statement, "SELECT count(*) FROM (TABLE month_to_date_in_bulk EXCEPT " + function + ") d"));
      assertEquals(0, count(statement, """
          SELECT count(*) FROM feedback_rollups AS r
          LEFT JOIN feedback_month_to_date AS m
            ON (m.tenant_id, m.dim, m.value) = (r.tenant_id, r.dim, r.value)
           AND m.day = ((r.bucket AT TIME ZONE 'UTC') + interval '1 month - 1 day')::date
          WHERE r.grain = 'month' AND r.dim <> 'all'
            AND (r.n_prompted + r.n_voluntary + r.n_survey + r.n_ticket + r.n_carrier + r.n_shop + r.n_api, %s)
                IS DISTINCT FROM (coalesce(m.n, 0), %s)""".formatted(columns("r."), columns("m."))));
      assertTrue(count(statement, "SELECT count(*) FROM month_to_date_in_bulk") > 0);
      // Every rating still counted, in each of 5 grains and 7 dims: in its source's count, and in its
      // source's count of its rating.
      assertEquals(ratings * 5 * 7, count(statement, """
          SELECT sum(n_prompted + n_voluntary + n_survey + n_ticket + n_carrier + n_shop + n_api)
          FROM folded_in_bulk"""));
      assertEquals(ratings * 5 * 7, count(statement, "SELECT sum("
          + Arrays.stream(RollupSql.SOURCE_RATING_COLUMNS.split(", "))
              .map(column -> "coalesce(" + column + ", 0)").collect(joining(" + "))
          + ") FROM folded_in_bulk"));
      // Day rows deleted, many of one value and month in one statement, take their counts away.
      assertTrue(statement.executeUpdate("DELETE FROM feedback_rollups WHERE grain = 'day' AND dim = 'company'") > 0);
      assertEquals(0, count(statement, "SELECT count(*) FROM feedback_month_to_date WHERE dim = 'company'"
          + " AND (n <> 0 OR NOT ROW(" + columns("") + ") IS NULL)"));
      assertTrue(count(statement, "SELECT count(*) FROM feedback_month_to_date WHERE dim = 'agent' AND n <> 0") > 0);
    }
  }

  /** Queues every stored rating (+1), then every seventh again as taken away (-1), as deletions would. */
  private static void queueEveryRatingThenTakeSomeAway(Statement statement) throws SQLException {
    for (String change : new String[] {"1 FROM feedbacks", "-1 FROM feedbacks WHERE hashtext(id::text) % 7 = 0"}) {
      statement.execute("""
          INSERT INTO feedback_changes (tenant_id, created_at, source, scale, rating, product_key, feature_key,
                                        platform, company_id, agent_id, carrier, delta)
          SELECT tenant_id, created_at, source, scale, rating, product_key, feature_key, platform, company_id,
                 agent_id, carrier, """ + change);
    }
  }

  private static void rollUpWithTheFunction(EmbeddedDatabase database) throws Exception {
    try (LocalDataApi endpoint = LocalDataApi.start(database, "127.0.0.1", 0);
        RdsDataClient client = RecordingRdsDataClient.localClient(endpoint)) {
      var repository = new DataApiAnalyticsRepository(new DataApi(client,
          "arn:aws:rds:us-east-1:000000000000:cluster:test",
          "arn:aws:secretsmanager:us-east-1:000000000000:secret:test", FeedbackData.DATABASE));
      // Two runs at once, as when a run overlaps the next: each takes its own batches (SKIP LOCKED)
      // and their triggers take turns on the month-to-date rows.
      ExecutorService runs = Executors.newFixedThreadPool(2);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
          done.add(runs.submit(() -> {
            while (repository.rollUp(BATCH) == BATCH) {
              // the next batch
            }
          }));
        }
        for (Future<?> run : done) {
          run.get();
        }
      } finally {
        runs.shutdownNow();
      }
    }
  }

  private static long count(Statement statement, String sql) throws SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** The source-rating columns, each prefixed: "r.prompted_ten_1, ...". */
  private static String columns(String prefix) {
    return Arrays.stream(RollupSql.SOURCE_RATING_COLUMNS.split(", ")).map(column -> prefix + column)
        .collect(joining(", "));
  }
}
