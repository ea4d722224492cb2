package dev.csat.local.dataapi;

import com.sun.net.httpserver.HttpServer;
import dev.csat.local.db.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A local endpoint speaking the RDS Data API wire protocol over JDBC, so the real RdsDataClient runs unchanged. */
public final class LocalDataApi implements AutoCloseable {
  private static final int WORKER_THREADS = 16;

  private final HttpServer server;
  private final ExecutorService workers;
  private final DataApiService service;
  private final CallCounters counters;

  private LocalDataApi(HttpServer server, ExecutorService workers, DataApiService service, CallCounters counters) {
    this.server = server;
    this.workers = workers;
    this.service = service;
    this.counters = counters;
  }

  /** Binds host:port (port 0 = ephemeral) and serves until closed. */
  public static LocalDataApi start(EmbeddedDatabase database, String host, int port) {
    return start(database, host, port, Limits.AURORA);
  }

  /** As {@link #start(EmbeddedDatabase, String, int)}, with other limits than the real service's (tests). */
  static LocalDataApi start(EmbeddedDatabase database, String host, int port, Limits limits) {
    HttpServer server;
    try {
      // Without TCP_NODELAY a response written in two segments waits for the client's delayed ACK
      // (about 40 ms on Linux): a latency AWS does not have. Read once, when the JDK's server starts.
      System.setProperty("sun.net.httpserver.nodelay", "true");
      server = HttpServer.create(new InetSocketAddress(host, port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind the local Data API to " + host + ":" + port, e);
    }
    AtomicInteger threadNumber = new AtomicInteger();
    ExecutorService workers = Executors.newFixedThreadPool(WORKER_THREADS, task -> {
      Thread thread = new Thread(task, "local-data-api-" + threadNumber.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    DataApiService service = new DataApiService(database, limits);
    CallCounters counters = new CallCounters();
    server.createContext("/", new DataApiHttpHandler(service, counters));
    server.setExecutor(workers);
    server.start();
    return new LocalDataApi(server, workers, service, counters);
  }

  /** The URL to give the SDK's endpointOverride, e.g. http://127.0.0.1:45123. */
  public URI endpoint() {
    InetAddress address = server.getAddress().getAddress();
    // Bound to every interface: loopback reaches it.
    String host = address.isAnyLocalAddress() ? "127.0.0.1" : address.getHostAddress();
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Calls served per operation name ("ExecuteStatement", "BatchExecuteStatement", "BeginTransaction", "CommitTransaction", "RollbackTransaction"), for tests and benchmarks that count round trips. */
  public long calls(String operation) {
    return counters.get(Operation.named(operation));
  }

  public long totalCalls() {
    return counters.total();
  }

  /**
   * Nanoseconds the database spent on the statements of ExecuteStatement and BatchExecuteStatement
   * calls (JDBC execute plus reading the result set, failed statements included), summed over all
   * calls since start or the last {@link #resetCounts()}; calls run in parallel add up.
   */
  public long databaseNanos() {
    return counters.databaseNanos();
  }

  /** Sets every call count and {@link #databaseNanos()} back to zero. */
  public void resetCounts() {
    counters.reset();
  }

  /** Stops serving, rolls back open transactions and closes every pooled connection; the database keeps running. */
  @Override
  public void close() {
    server.stop(0);
    workers.shutdown();
    try {
      workers.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    service.close();
  }
}
