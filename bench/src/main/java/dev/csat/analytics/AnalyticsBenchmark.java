package dev.csat.analytics;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.csat.App;
import dev.csat.bench.BenchCaller;
import dev.csat.bench.FeedbackData;
import dev.csat.bench.RecordingRdsDataClient;
import dev.csat.bench.RequestTimer;
import dev.csat.data.DataApi;
import dev.csat.http.ApiHandler;
import dev.csat.local.dataapi.LocalDataApi;
import dev.csat.local.db.EmbeddedDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;

/**
 * Analytics at scale: {@code AnalyticsBenchmark <rows> [plans]} on the data of
 * {@link FeedbackData}, whose load folds every rating into the rollups in bulk
 * ({@link RollupBulkFold}). First the rollup function's work for one day of ratings, timed;
 * then, per request, database time (measured at the local Data API endpoint) and Data API calls, p50
 * and p95 over repeated runs, with an empty queue and with a queued tail. Run with
 * bench/run.sh analytics.
 */
public final class AnalyticsBenchmark {
  /** Two years of data end here (FeedbackData.END is exclusive). */
  private static final String FIRST_DAY = "2024-11-01";
  private static final String LAST_DAY = "2026-10-31";
  /** With ONLY set (a regular expression), only the requests whose names it finds are measured. */
  private static final Pattern ONLY = System.getenv("ONLY") == null ? null : Pattern.compile(System.getenv("ONLY"));

  private final LocalDataApi endpoint;
  private final RequestTimer timer;
  private final App app;

  private AnalyticsBenchmark(LocalDataApi endpoint, RecordingRdsDataClient client, boolean plans) {
    this.endpoint = endpoint;
    this.timer = new RequestTimer(endpoint, client, plans);
    DataApi dataApi = new DataApi(client, "arn:aws:rds:us-east-1:000000000000:cluster:bench",
        "arn:aws:secretsmanager:us-east-1:000000000000:secret:bench", FeedbackData.DATABASE);
    this.app = App.create(dataApi, Clock.systemUTC());
  }

  public static void main(String[] args) throws Exception {
    int rows = Integer.parseInt(args[0].replace("_", ""));
    boolean plans = Arrays.asList(args).contains("plans");
    try (EmbeddedDatabase database = FeedbackData.open(rows, FeedbackData.defaultDataDir(rows));
        LocalDataApi endpoint = LocalDataApi.start(database, "127.0.0.1", 0);
        RdsDataClient real = RecordingRdsDataClient.localClient(endpoint)) {
      new AnalyticsBenchmark(endpoint, new RecordingRdsDataClient(real), plans).run(database, rows);
    }
  }

  private void run(EmbeddedDatabase database, int rows) throws Exception {
    describeRollups(database);
    // One day of work without changing the numbers: the day's ratings queued once added, once taken away.
    try (Connection connection = database.dataSource(FeedbackData.DATABASE).getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("ANALYZE feedback_rollups");
      long queued = queueDay(statement, "2026-03-15", 1) + queueDay(statement, "2026-03-15", -1);
      System.out.printf("%nqueued one day of ratings twice (+1, then -1): %,d changes%n", queued);
    }
    rollUp("rollup of one day's changes, twice", database);

    System.out.printf("%n== /analytics at %,d rows (tenant %s), %d runs each, queue empty%n", rows,
        FeedbackData.TENANT, RequestTimer.RUNS);
    requests();

    // The rollup runs every 5 minutes, so a tail holds about 50 changes here; an hour's (a dozen
    // missed runs) is the normal case with a margin, two days' the rollup stopped.
    try (Connection connection = database.dataSource(FeedbackData.DATABASE).getConnection();
        Statement statement = connection.createStatement()) {
      long queued = queue(statement, "2026-10-31 12:00", "2026-10-31 13:00", 1)
          + queue(statement, "2026-10-31 12:00", "2026-10-31 13:00", -1);
      System.out.printf("%n== the same with a live tail of %,d queued changes (an hour's worth)%n", queued);
    }
    requests();
    rollUp("rollup of the hour's tail", database);

    try (Connection connection = database.dataSource(FeedbackData.DATABASE).getConnection();
        Statement statement = connection.createStatement()) {
      long queued = queueDay(statement, "2026-10-30", 1) + queueDay(statement, "2026-10-30", -1);
      System.out.printf("%n== the same with a live tail of %,d queued changes (two days' worth)%n", queued);
    }
    requests();
    rollUp("rollup of the tail", database);
  }

  private void requests() throws Exception {
    RequestTimer.printHeader("items");
    var summary = new GetAnalyticsSummaryHandler(app.analytics(), app.http());
    var series = new GetAnalyticsTimeSeriesHandler(app.analytics(), app.http());
    var breakdown = new GetAnalyticsBreakdownHandler(app.analytics(), app.http());
    String[] twoYearsBerlin = {"start_date", FIRST_DAY, "end_date", LAST_DAY, "time_zone", "Europe/Berlin"};
    measure("summary, all time", summary, get());
    measure("summary, two years, Europe/Berlin", summary, get(twoYearsBerlin));
    measure("summary, one Berlin week, agent a17", summary, get("start_date", "2026-03-23", "end_date",
        "2026-03-29", "time_zone", "Europe/Berlin", "agent_id", "a17"));
    measure("summary, two years, company c7, prompted+voluntary+ticket", summary, get(twoYearsBerlin,
        "company_id", "c7", "source", "prompted,voluntary,ticket"));
    measure("series, day, two years, Europe/Berlin", series, get(twoYearsBerlin, "interval", "day"));
    measure("series, day, two years, Asia/Kolkata (+05:30)", series, get("start_date", FIRST_DAY,
        "end_date", LAST_DAY, "time_zone", "Asia/Kolkata", "interval", "day"));
    for (String zone : List.of("America/New_York", "Asia/Tokyo", "Australia/Sydney")) {
      measure("series, day, two years, " + zone, series, get("start_date", FIRST_DAY, "end_date", LAST_DAY,
          "time_zone", zone, "interval", "day"));
    }
    measure("series, day, two years, UTC", series, get("start_date", FIRST_DAY, "end_date", LAST_DAY,
        "interval", "day"));
    measure("series, week, two years, Europe/Berlin", series, get(twoYearsBerlin, "interval", "week"));
    measure("series, month, two years, America/New_York", series, get("start_date", FIRST_DAY, "end_date",
        LAST_DAY, "time_zone", "America/New_York", "interval", "month"));
    measure("series, quarter, two years, Europe/Berlin", series, get(twoYearsBerlin, "interval", "quarter"));
    measure("series, day, two years, Berlin, feature shop/feature-1", series, get(twoYearsBerlin, "interval",
        "day", "product_key", "shop", "feature_key", "feature-1"));
    measure("series, day, two years, Berlin, company c7", series, get(twoYearsBerlin, "interval", "day",
        "company_id", "c7"));
    measure("series, day, two years, Berlin, scores 9-10", series, get(twoYearsBerlin,
        "interval", "day", "score", "9,10"));
    for (String by : List.of("feature", "source", "agent", "company", "carrier", "platform", "product")) {
      measure("breakdown by " + by + ", two years, Berlin, top 10", breakdown, get(twoYearsBerlin, "by", by));
    }
    for (String by : List.of("company", "agent")) {
      measure("breakdown by " + by + ", all time, top 10", breakdown, get("by", by));
    }
    measure("breakdown by company, 30 Berlin days, top 10", breakdown, get("start_date", "2026-10-01",
        "end_date", "2026-10-30", "time_zone", "Europe/Berlin", "by", "company"));
    measure("breakdown by company, 30 Berlin days mid-month, top 10", breakdown, get("start_date",
        "2026-09-16", "end_date", "2026-10-15", "time_zone", "Europe/Berlin", "by", "company"));
    measure("breakdown by company, 7 Berlin days, top 10", breakdown, get("start_date", "2026-10-12",
        "end_date", "2026-10-18", "time_zone", "Europe/Berlin", "by", "company"));
    String[] midMonthBerlin = {"start_date", "2026-09-16", "end_date", "2026-10-15", "time_zone", "Europe/Berlin"};
    measure("breakdown by company, 30 Berlin days mid-month, source ticket", breakdown, get(midMonthBerlin,
        "by", "company", "source", "ticket"));
    measure("breakdown by company, 30 Berlin days mid-month, scores 1-2", breakdown, get(midMonthBerlin,
        "by", "company", "score", "1,2"));
    measure("breakdown by company, two years, Berlin, scores 9-10", breakdown, get(twoYearsBerlin,
        "by", "company", "score", "9,10"));
    measure("breakdown by agent, one Kathmandu day, top 100", breakdown, get("start_date", "2026-03-29",
        "end_date", "2026-03-29", "time_zone", "Asia/Kathmandu", "by", "agent", "limit", "100"));
  }

  /** Queues, for tenant acme, the ratings created on one UTC day with the given delta; returns how many. */
  private static long queueDay(Statement statement, String day, int delta) throws SQLException {
    return queue(statement, day, LocalDate.parse(day).plusDays(1).toString(), delta);
  }

  /** Queues, for tenant acme, the ratings created in [from, to) UTC with the given delta; returns how many. */
  private static long queue(Statement statement, String from, String to, int delta) throws SQLException {
    return statement.executeUpdate("""
        INSERT INTO feedback_changes (tenant_id, created_at, source, scale, rating, product_key, feature_key,
                                      platform, company_id, agent_id, carrier, delta)
        SELECT tenant_id, created_at, source, scale, rating, product_key, feature_key, platform, company_id,
               agent_id, carrier, %d
        FROM feedbacks
        WHERE tenant_id = '%s' AND created_at >= TIMESTAMPTZ '%s+00' AND created_at < TIMESTAMPTZ '%s+00'"""
        .formatted(delta, FeedbackData.TENANT, from, to));
  }

  private void rollUp(String name, EmbeddedDatabase database) throws SQLException {
    long queued = count(database, "SELECT count(*) FROM feedback_changes");
    long db = endpoint.databaseNanos();
    long calls = endpoint.totalCalls();
    long start = System.nanoTime();
    Analytics.RollupRun run = app.analytics().rollUp(() -> false);
    long wall = System.nanoTime() - start;
    long dbNanos = endpoint.databaseNanos() - db;
    System.out.printf("%n%s: %,d changes in %d statements (%,d Data API calls), database %.1f s, wall %.1f s,"
            + " %,.0f changes/s, %.1f ms per 1,000 changes%n", name, run.changes(), run.statements(),
        endpoint.totalCalls() - calls, dbNanos / 1e9, wall / 1e9, run.changes() / (wall / 1e9),
        run.changes() == 0 ? 0.0 : dbNanos / 1e6 / (run.changes() / 1000.0));
    if (queued != run.changes()) {
      throw new IllegalStateException(queued + " changes were queued, " + run.changes() + " rolled up");
    }
  }

  private static void describeRollups(EmbeddedDatabase database) throws SQLException {
    try (Connection connection = database.dataSource(FeedbackData.DATABASE).getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("""
            SELECT grain, dim, count(*) FROM feedback_rollups GROUP BY grain, dim
            ORDER BY array_position(ARRAY['quarter', 'hour', 'day', 'month', 'total'], grain), dim""")) {
      System.out.println("feedback_rollups rows by grain and dimension:");
      while (rows.next()) {
        System.out.printf("  %-8s %-9s %,12d%n", rows.getString(1), rows.getString(2), rows.getLong(3));
      }
    }
    System.out.printf("feedback_rollups: %,d rows, table %s MB, indexes %s MB; feedbacks: table %s MB%n",
        count(database, "SELECT count(*) FROM feedback_rollups"),
        count(database, "SELECT pg_table_size('feedback_rollups') / 1000000"),
        count(database, "SELECT pg_indexes_size('feedback_rollups') / 1000000"),
        count(database, "SELECT pg_table_size('feedbacks') / 1000000"));
  }

  private static long count(EmbeddedDatabase database, String sql) throws SQLException {
    try (Connection connection = database.dataSource(FeedbackData.DATABASE).getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  private void measure(String name, ApiHandler<?, ?> handler, APIGatewayProxyRequestEvent event) throws Exception {
    if (ONLY != null && !ONLY.matcher(name).find()) {
      return;
    }
    timer.measure(name, handler, event, body -> body.has("periods") ? body.get("periods").size()
        : body.has("top") ? body.get("top").size() : 1);
  }

  private static APIGatewayProxyRequestEvent get(String[] base, String... more) {
    String[] all = Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return get(all);
  }

  private static APIGatewayProxyRequestEvent get(String... query) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (int i = 0; i < query.length; i += 2) {
      parameters.put(query[i], List.of(query[i + 1]));
    }
    var context = BenchCaller.context();
    return new APIGatewayProxyRequestEvent().withHttpMethod("GET").withPath("/api/csat/v1/analytics")
        .withHeaders(new HashMap<>()).withMultiValueQueryStringParameters(parameters.isEmpty() ? null : parameters)
        .withRequestContext(context);
  }
}
