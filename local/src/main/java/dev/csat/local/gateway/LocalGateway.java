package dev.csat.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.csat.App;
import dev.csat.http.Cors;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local API Gateway: an HTTP server (the JDK's, on a bounded thread pool) that routes each
 * request by the template to the function's handler class and writes back what the handler
 * returns. At the edges it answers as API Gateway does: CORS preflights (OPTIONS on a known path)
 * itself, 413 above 10 MB, 404 for an unknown route, 405 for a known path with another method,
 * 502 when the function fails. One line per request goes to stderr.
 */
public final class LocalGateway implements AutoCloseable {
  /** API Gateway's payload limit. */
  public static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
  private static final int THREADS = 16;
  private static final int QUEUE = 256;
  // Bodies beyond the limit are read and dropped up to here, so the client sees the 413.
  private static final long MAX_DRAIN_BYTES = 64L * 1024 * 1024;

  private final HttpServer server;
  private final ThreadPoolExecutor executor;
  private final Dispatcher dispatcher;
  private final PrintStream log;
  private final String host;

  private LocalGateway(HttpServer server, ThreadPoolExecutor executor, Dispatcher dispatcher, PrintStream log, String host) {
    this.server = server;
    this.executor = executor;
    this.dispatcher = dispatcher;
    this.log = log;
    this.host = host;
  }

  /**
   * Starts serving the routes on host:port (port 0: an ephemeral one), with the CORS policy the
   * functions read too ({@code CSAT_CORS_ORIGINS}).
   *
   * @throws java.net.BindException when the port is in use
   */
  public static LocalGateway start(RouteTable routes, AuthorizerContext authorizer, String host, int port) throws IOException {
    return start(routes, authorizer, App.corsFromConfig(), host, port);
  }

  /** Starts serving the routes with this CORS policy for preflights and the gateway's own errors. */
  public static LocalGateway start(RouteTable routes, AuthorizerContext authorizer, Cors cors, String host, int port)
      throws IOException {
    return start(routes, new FunctionInstances(), authorizer, cors, host, port, System.err);
  }

  static LocalGateway start(RouteTable routes, FunctionInstances functions, AuthorizerContext authorizer,
      String host, int port, PrintStream log) throws IOException {
    return start(routes, functions, authorizer, Cors.none(), host, port, log);
  }

  static LocalGateway start(RouteTable routes, FunctionInstances functions, AuthorizerContext authorizer, Cors cors,
      String host, int port, PrintStream log) throws IOException {
    // Without TCP_NODELAY a response written in two segments waits for the client's delayed ACK
    // (about 40 ms on Linux): a latency AWS does not have. Read once, when the JDK's server starts.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 128);
    // Bounded: past THREADS busy workers and QUEUE waiting requests, the accepting thread runs
    // the request itself, which slows intake instead of growing without limit.
    var executor = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(QUEUE), new WorkerThreads(), new ThreadPoolExecutor.CallerRunsPolicy());
    var gateway = new LocalGateway(server, executor, new Dispatcher(routes, functions, authorizer, cors, log), log, host);
    server.createContext("/", gateway::handle);
    server.setExecutor(executor);
    server.start();
    return gateway;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Where to send requests: {@code http://host:port}, with no path. */
  public URI endpoint() {
    String shown = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
    return URI.create("http://" + (shown.contains(":") ? "[" + shown + "]" : shown) + ":" + port());
  }

  @Override
  public void close() {
    server.stop(1);
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private void handle(HttpExchange exchange) {
    long started = System.nanoTime();
    String requestId = UUID.randomUUID().toString();
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    String rawPath = exchange.getRequestURI().getRawPath() == null ? "/" : exchange.getRequestURI().getRawPath();
    int status = 0;
    String functionId = null;
    try (exchange) {
      APIGatewayProxyResponseEvent response;
      byte[] body = readBody(exchange);
      if (body == null) {
        response = dispatcher.gatewayAnswer(
            GatewayProblems.contentTooLarge(ProxyEvents.decodedPath(rawPath), MAX_BODY_BYTES, requestId),
            exchange.getRequestHeaders().getFirst("Origin"));
      } else {
        var outcome = dispatcher.dispatch(incoming(exchange, method, rawPath, body), requestId);
        response = outcome.response();
        functionId = outcome.functionId();
      }
      status = response.getStatusCode();
      write(exchange, method, response, requestId);
    } catch (IOException | RuntimeException e) {
      log.println("[gateway] " + method + " " + rawPath + " could not be answered (request " + requestId + "): " + e);
    } finally {
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      log.println("[gateway] " + method + " " + rawPath + " " + (status == 0 ? "---" : status) + " " + millis + " ms"
          + (functionId == null ? "" : " " + functionId));
    }
  }

  private static IncomingRequest incoming(HttpExchange exchange, String method, String rawPath, byte[] body) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
    return new IncomingRequest(method, rawPath, exchange.getRequestURI().getRawQuery(), headers, body,
        exchange.getRemoteAddress().getAddress().getHostAddress(), exchange.getLocalAddress().getPort(),
        exchange.getProtocol(), Instant.now());
  }

  /** The body, or null when it is larger than API Gateway accepts. */
  private static byte[] readBody(HttpExchange exchange) throws IOException {
    InputStream in = exchange.getRequestBody();
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    boolean tooLarge = declared != null && declared.strip().matches("\\d{1,18}")
        && Long.parseLong(declared.strip()) > MAX_BODY_BYTES;
    if (!tooLarge) {
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length <= MAX_BODY_BYTES) {
        return body;
      }
    }
    drain(in);
    return null;
  }

  private static void drain(InputStream in) throws IOException {
    long left = MAX_DRAIN_BYTES;
    byte[] buffer = new byte[64 * 1024];
    int read;
    while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
      left -= read;
    }
  }

  /**
   * Writes the handler's response as API Gateway does: multi-value headers, then single-value
   * headers not already given, Content-Type application/json when the function set none, and a
   * base64 body decoded when the function says so.
   */
  private static void write(HttpExchange exchange, String method, APIGatewayProxyResponseEvent response, String requestId)
      throws IOException {
    var out = exchange.getResponseHeaders();
    Set<String> given = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    if (response.getMultiValueHeaders() != null) {
      response.getMultiValueHeaders().forEach((name, values) -> {
        if (values != null) {
          values.stream().filter(value -> value != null).forEach(value -> out.add(name, value));
          given.add(name);
        }
      });
    }
    if (response.getHeaders() != null) {
      response.getHeaders().forEach((name, value) -> {
        if (value != null && !given.contains(name)) {
          out.set(name, value);
        }
      });
    }
    if (!out.containsKey("Content-Type")) {
      out.set("Content-Type", "application/json");
    }
    out.set("x-amzn-RequestId", requestId);

    byte[] body = body(response);
    int status = response.getStatusCode();
    boolean noBody = method.equals("HEAD") || status == 204 || status == 304 || body.length == 0;
    exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream stream = exchange.getResponseBody()) {
        stream.write(body);
      }
    }
  }

  private static byte[] body(APIGatewayProxyResponseEvent response) {
    String body = response.getBody();
    if (body == null) {
      return new byte[0];
    }
    return Boolean.TRUE.equals(response.getIsBase64Encoded())
        ? Base64.getMimeDecoder().decode(body)
        : body.getBytes(StandardCharsets.UTF_8);
  }

  private static final class WorkerThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "csat-gateway-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
