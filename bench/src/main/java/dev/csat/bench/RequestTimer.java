package dev.csat.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.csat.http.ApiHandler;
import dev.csat.local.dataapi.LocalDataApi;
import dev.csat.local.gateway.LocalContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * Times one request repeatedly through its handler: database time (PostgreSQL's share, measured
 * at the local Data API endpoint), Data API calls and wall time, p50 and p95 over {@link #RUNS}
 * runs after 3 warm-ups; with plans, the EXPLAIN ANALYZE of the request's statement; with the
 * environment variable STATEMENTS, the statement itself with its parameters as literals, in a file.
 */
public final class RequestTimer {
  public static final int RUNS = 20;
  /** With STATEMENTS set to a directory, each request's statement goes there, to replay in psql or pgbench. */
  private static final Path STATEMENTS =
      System.getenv("STATEMENTS") == null ? null : Path.of(System.getenv("STATEMENTS"));
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LocalDataApi endpoint;
  private final RecordingRdsDataClient client;
  private final boolean plans;

  public RequestTimer(LocalDataApi endpoint, RecordingRdsDataClient client, boolean plans) {
    this.endpoint = endpoint;
    this.client = client;
    this.plans = plans;
  }

  /** The column heads of {@link #measure}'s lines. */
  public static void printHeader(String items) {
    System.out.printf("%-62s %6s %9s %9s %9s %7s%n", "request", "calls", "db p50", "db p95", "wall p50", items);
  }

  /** Prints one line: the request's name, calls, database p50 and p95, wall p50 and {@code items} of its answer. */
  public void measure(String name, ApiHandler<?, ?> handler, APIGatewayProxyRequestEvent event,
      ToIntFunction<JsonNode> items) throws Exception {
    for (int i = 0; i < 3; i++) {
      check(handler.handleRequest(event, LocalContext.of("bench", name, LocalContext.API_GATEWAY_TIMEOUT)));
    }
    long[] database = new long[RUNS];
    long[] wall = new long[RUNS];
    long calls = 0;
    int count = 0;
    for (int i = 0; i < RUNS; i++) {
      long db = endpoint.databaseNanos();
      long before = endpoint.totalCalls();
      long start = System.nanoTime();
      JsonNode body = check(handler.handleRequest(event, LocalContext.of("bench", name, LocalContext.API_GATEWAY_TIMEOUT)));
      wall[i] = System.nanoTime() - start;
      database[i] = endpoint.databaseNanos() - db;
      calls += endpoint.totalCalls() - before;
      count = items.applyAsInt(body);
    }
    System.out.printf("%-62s %6.1f %9s %9s %9s %7d%n", name, calls / (double) RUNS, ms(percentile(database, 50)),
        ms(percentile(database, 95)), ms(percentile(wall, 50)), count);
    if (plans) {
      System.out.println(client.explainLast().indent(4));
    }
    if (STATEMENTS != null) {
      Files.createDirectories(STATEMENTS);
      String file = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
      Files.writeString(STATEMENTS.resolve(file + ".sql"), client.lastWithLiterals());
    }
  }

  /** The body of a 200; anything else stops the benchmark. */
  public static JsonNode check(APIGatewayProxyResponseEvent response) throws Exception {
    if (response.getStatusCode() != 200) {
      throw new IllegalStateException(response.getStatusCode() + " " + response.getBody());
    }
    return JSON.readTree(response.getBody());
  }

  public static String ms(long nanos) {
    return String.format("%.1f ms", nanos / 1e6);
  }

  private static long percentile(long[] values, int percentile) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
  }
}
