package dev.csat.feedback;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.csat.App;
import dev.csat.bench.BenchCaller;
import dev.csat.bench.FeedbackData;
import dev.csat.bench.RecordingRdsDataClient;
import dev.csat.bench.RequestTimer;
import dev.csat.data.DataApi;
import dev.csat.http.ApiHandler;
import dev.csat.local.dataapi.LocalDataApi;
import dev.csat.local.db.EmbeddedDatabase;
import dev.csat.local.gateway.LocalContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;

/**
 * The inbox at scale: {@code InboxBenchmark <rows> [plans] [no-full-export]} on the data of
 * {@link FeedbackData}. For each request: database time (PostgreSQL's share, measured at the
 * local Data API endpoint) and Data API calls, p50 and p95 over repeated runs, and with
 * {@code plans} the EXPLAIN ANALYZE of its statement; then whole exports, part by part. Run
 * with bench/run.sh inbox.
 */
public final class InboxBenchmark {
  private static final byte[] CURSOR_KEY = "benchmark-cursor-key-of-at-least-32-bytes".getBytes(StandardCharsets.UTF_8);

  private final LocalDataApi endpoint;
  private final RequestTimer timer;
  private final Inbox inbox;
  private final App app;
  private final boolean fullExport;

  private InboxBenchmark(LocalDataApi endpoint, RecordingRdsDataClient client, boolean plans, boolean fullExport) {
    this.endpoint = endpoint;
    this.timer = new RequestTimer(endpoint, client, plans);
    DataApi dataApi = new DataApi(client, "arn:aws:rds:us-east-1:000000000000:cluster:bench",
        "arn:aws:secretsmanager:us-east-1:000000000000:secret:bench", FeedbackData.DATABASE);
    this.app = App.create(dataApi, Clock.systemUTC());
    this.inbox = new Inbox(new DataApiInboxRepository(dataApi), new CursorCodec(CURSOR_KEY), Clock.systemUTC());
    this.fullExport = fullExport;
  }

  public static void main(String[] args) throws Exception {
    int rows = Integer.parseInt(args[0].replace("_", ""));
    List<String> flags = Arrays.asList(args).subList(1, args.length);
    Path dataDir = FeedbackData.defaultDataDir(rows);
    try (EmbeddedDatabase database = FeedbackData.open(rows, dataDir);
        LocalDataApi endpoint = LocalDataApi.start(database, "127.0.0.1", 0);
        RdsDataClient real = RecordingRdsDataClient.localClient(endpoint)) {
      new InboxBenchmark(endpoint, new RecordingRdsDataClient(real), flags.contains("plans"),
          !flags.contains("no-full-export")).run(database, rows);
    }
  }

  private void run(EmbeddedDatabase database, int rows) throws Exception {
    UUID middle = idAt(database, rows / 2);
    String deepCursor = new CursorCodec(CURSOR_KEY).encode(new Cursor(false, "", middle),
        new FeedbackQuery(FeedbackData.TENANT, List.of(), Sort.NEWEST_FIRST).fingerprint());
    System.out.printf("%n== GET /feedbacks and friends at %,d rows (tenant %s), %d runs each%n", rows,
        FeedbackData.TENANT, RequestTimer.RUNS);
    RequestTimer.printHeader("rows");
    ApiHandler<?, ?> list = new ListFeedbacksHandler(inbox, app.http());
    ApiHandler<?, ?> count = new CountFeedbacksHandler(inbox, app.http());
    ApiHandler<?, ?> search = new SearchFeedbacksHandler(inbox, app.http());
    measure("first page, no filter", list, get());
    measure("first page, unselective (state=done, 90%)", list, get("state", "done"));
    measure("first page, unselective (3 sources, 60%)", list, get("source", "ticket,carrier,shop"));
    measure("first page, selective (agent a17, score 1)", list, get("agent_id", "a17", "score", "1"));
    measure("first page, selective (q=refund)", list, get("q", "refund"));
    measure("first page, a Berlin week, by rating", list, get("start_date", "2026-03-23", "end_date",
        "2026-03-29", "time_zone", "Europe/Berlin", "order_by", "rating"));
    measure("first page, company c7, by updated_at", list, get("company_id", "c7", "order_by", "updated_at"));
    measure("first page, 100 rows, by reference asc", list, get("order_by", "reference", "direction", "asc",
        "limit", "100"));
    measure("deep keyset page (after the middle row)", list, get("after", deepCursor));
    measure("offset page start=100000 (the deepest allowed)", list, get("start", "100000", "draw", "1"));
    measure("offset page start=0 with both counts, state=open", list, get("start", "0", "state", "open"));
    measure("search: rating lte 2, state neq done", search, post("""
        {"query":[{"filter_type":"rating","operator":"lte","value":2},
                  {"filter_type":"state","operator":"neq","value":"done"}]}"""));
    measure("count, selective (agent a17)", count, get("agent_id", "a17"));
    measure("count, unselective (state=done, 90%)", count, get("state", "done"));
    measure("count, no filter", count, get());
    measure("count, one year (half of the rows)", count, get("start_date", "2025-11-01", "end_date", "2026-10-31"));
    export("export csv, agent a17", get("agent_id", "a17"));
    if (fullExport) {
      export("export csv, everything", get());
    }
  }

  private void measure(String name, ApiHandler<?, ?> handler, APIGatewayProxyRequestEvent event) throws Exception {
    timer.measure(name, handler, event, body -> body.has("data") ? body.path("data").size() : body.path("count").asInt());
  }

  /** A whole export, part after part, as a client would fetch it. */
  private void export(String name, APIGatewayProxyRequestEvent first) throws Exception {
    var handler = new ExportFeedbacksHandler(inbox, app.http(), ExportFeedbacksHandler.PartLimits.LAMBDA);
    long db = endpoint.databaseNanos();
    long calls = endpoint.totalCalls();
    long start = System.nanoTime();
    long bytes = 0;
    long lines = 0;
    int parts = 0;
    long slowestPart = 0;
    String cursor = null;
    do {
      var event = cursor == null ? first : withQuery(first, "after", cursor);
      long partStart = System.nanoTime();
      APIGatewayProxyResponseEvent part = handler.handleRequest(event,
          LocalContext.of("bench", name, LocalContext.API_GATEWAY_TIMEOUT));
      slowestPart = Math.max(slowestPart, System.nanoTime() - partStart);
      if (part.getStatusCode() != 200) {
        throw new IllegalStateException(name + ": " + part.getBody());
      }
      bytes += part.getBody().length();
      lines += part.getBody().chars().filter(c -> c == '\n').count();
      cursor = part.getHeaders().get(ExportFeedbacksHandler.NEXT_CURSOR_HEADER);
      parts++;
    } while (cursor != null);
    long wall = System.nanoTime() - start;
    System.out.printf("%-58s %,d lines in %d parts (%,d MB), %,d Data API calls, database %s, wall %s,"
            + " slowest part %s%n", name, lines, parts, bytes / 1_000_000, endpoint.totalCalls() - calls,
        RequestTimer.ms(endpoint.databaseNanos() - db), RequestTimer.ms(wall), RequestTimer.ms(slowestPart));
  }

  private static UUID idAt(EmbeddedDatabase database, int position) throws SQLException {
    try (Connection connection = database.dataSource(FeedbackData.DATABASE).getConnection();
        var statement = connection.prepareStatement(
            "SELECT id FROM feedbacks WHERE tenant_id = ? ORDER BY id DESC OFFSET ? LIMIT 1")) {
      statement.setString(1, FeedbackData.TENANT);
      statement.setInt(2, position);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return (UUID) result.getObject(1);
      }
    }
  }

  private static APIGatewayProxyRequestEvent get(String... query) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (int i = 0; i < query.length; i += 2) {
      parameters.put(query[i], List.of(query[i + 1]));
    }
    return event("GET", parameters, null);
  }

  private static APIGatewayProxyRequestEvent post(String body) {
    return event("POST", Map.of(), body);
  }

  private static APIGatewayProxyRequestEvent withQuery(APIGatewayProxyRequestEvent event, String name, String value) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    if (event.getMultiValueQueryStringParameters() != null) {
      parameters.putAll(event.getMultiValueQueryStringParameters());
    }
    parameters.put(name, List.of(value));
    return event("GET", parameters, null);
  }

  private static APIGatewayProxyRequestEvent event(String method, Map<String, List<String>> query, String body) {
    var context = BenchCaller.context();
    Map<String, String> headers = new HashMap<>();
    if (body != null) {
      headers.put("Content-Type", "application/json");
    }
    return new APIGatewayProxyRequestEvent().withHttpMethod(method).withPath("/api/csat/v1/feedbacks")
        .withHeaders(headers).withMultiValueQueryStringParameters(query.isEmpty() ? null : query)
        .withRequestContext(context).withBody(body);
  }
}
