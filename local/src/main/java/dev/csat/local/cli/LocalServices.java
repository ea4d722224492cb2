package dev.csat.local.cli;

import dev.csat.App;
import dev.csat.Config;
import dev.csat.local.dataapi.LocalDataApi;
import dev.csat.local.db.EmbeddedDatabase;
import dev.csat.migrations.Migrations;
import java.io.PrintStream;
import java.net.URI;
import java.util.List;

/**
 * What every command starts before running functions: PostgreSQL (embedded, or external by
 * {@code CSAT_DB_URL}), the local Data API in front of it, the configuration the functions read
 * to reach it, and the schema migrations. When another {@code ./csat serve} already holds the
 * data directory, {@code invoke} and {@code migrate} use that server's Data API instead.
 */
public final class LocalServices implements AutoCloseable {
  static final String CLUSTER_ARN = "arn:aws:rds:us-east-1:000000000000:cluster:csat-local";
  static final String SECRET_ARN = "arn:aws:secretsmanager:us-east-1:000000000000:secret:csat-local";

  private final EmbeddedDatabase database;
  private final LocalDataApi dataApi;
  private final URI dataApiEndpoint;
  private final List<String> applied;

  private LocalServices(EmbeddedDatabase database, LocalDataApi dataApi, URI dataApiEndpoint, List<String> applied) {
    this.database = database;
    this.dataApi = dataApi;
    this.dataApiEndpoint = dataApiEndpoint;
    this.applied = applied;
  }

  /**
   * @param dataApiPort 0 for an ephemeral port
   * @param mayShare whether a running {@code ./csat serve} holding the data directory may be
   *     used instead of failing
   */
  public static LocalServices start(Settings settings, String dataApiHost, int dataApiPort, boolean mayShare, PrintStream log) {
    EmbeddedDatabase database;
    if (settings.dbUrl() != null) {
      log.println("[csat] PostgreSQL: " + redact(settings.dbUrl()));
      database = external(settings.dbUrl());
    } else {
      try {
        log.println("[csat] PostgreSQL: embedded, data in " + settings.dataDir());
        database = EmbeddedDatabase.start(settings.dataDir());
      } catch (RuntimeException e) {
        if (!isLocked(e)) {
          throw new CliException("embedded PostgreSQL did not start in " + settings.dataDir() + ": " + rootMessage(e), e);
        }
        if (mayShare && Ports.listening("127.0.0.1", settings.dataApiPort())) {
          URI endpoint = URI.create("http://127.0.0.1:" + settings.dataApiPort());
          log.println("[csat] the data directory is in use by a running ./csat serve: using its Data API at " + endpoint);
          configureFunctions(endpoint);
          return new LocalServices(null, null, endpoint, migrate());
        }
        throw new CliException("the data directory " + settings.dataDir() + " is in use by another process"
            + " (a running ./csat serve?): stop it, or set CSAT_DATA_DIR to another directory", e);
      }
    }
    LocalDataApi dataApi = null;
    try {
      database.createDatabase(settings.dbName());
      try {
        dataApi = LocalDataApi.start(database, dataApiHost, dataApiPort);
      } catch (RuntimeException e) {
        throw Ports.inUse(dataApiHost, dataApiPort, "CSAT_DATA_API_PORT", e.getCause() == null ? e : e.getCause());
      }
      configureFunctions(dataApi.endpoint());
      return new LocalServices(database, dataApi, dataApi.endpoint(), migrate());
    } catch (RuntimeException e) {
      if (dataApi != null) {
        dataApi.close();
      }
      database.close();
      throw e;
    }
  }

  /** Where the local Data API listens. */
  public URI dataApiEndpoint() {
    return dataApiEndpoint;
  }

  /** The migration versions applied by this start (none when the schema was up to date). */
  public List<String> applied() {
    return applied;
  }

  @Override
  public void close() {
    try {
      if (dataApi != null) {
        dataApi.close();
      }
    } finally {
      if (database != null) {
        database.close();
      }
    }
  }

  /**
   * The functions read their configuration through {@link Config}, where system properties
   * win: the endpoint is always the one just started; the rest only where not set already.
   */
  private static void configureFunctions(URI endpoint) {
    System.setProperty("CSAT_DATA_API_ENDPOINT", endpoint.toString());
    setIfAbsent("CSAT_DB_CLUSTER_ARN", CLUSTER_ARN);
    setIfAbsent("CSAT_DB_SECRET_ARN", SECRET_ARN);
    setIfAbsent("CSAT_DB_NAME", "csat");
    // Powertools metrics print EMF to stdout unless told they run locally.
    setIfAbsent("AWS_EMF_ENVIRONMENT", "Local");
  }

  private static void setIfAbsent(String name, String value) {
    if (Config.get(name, null) == null) {
      System.setProperty(name, value);
    }
  }

  private static List<String> migrate() {
    try {
      return Migrations.fromClasspath().apply(App.dataApiFromConfig());
    } catch (RuntimeException e) {
      throw new CliException("applying the schema migrations failed: " + rootMessage(e), e);
    }
  }

  private static EmbeddedDatabase external(String url) {
    try {
      return EmbeddedDatabase.external(url);
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new CliException("CSAT_DB_URL " + redact(url) + " is not usable: " + redact(String.valueOf(cause.getMessage()))
          + " (expected e.g. jdbc:postgresql://localhost:5432/postgres?user=me&password=secret)", e);
    }
  }

  /** zonky refuses a data directory whose lock another process holds. */
  private static boolean isLocked(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains("could not lock")) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return root == e ? message : e.getMessage() + " (" + message + ")";
  }

  /** Keeps passwords in a JDBC URL out of messages. */
  static String redact(String text) {
    return text.replaceAll("(?i)(password=)[^&;\\s]*", "$1***").replaceAll("(//[^/:@\\s]+:)[^@/\\s]*@", "$1***@");
  }
}
