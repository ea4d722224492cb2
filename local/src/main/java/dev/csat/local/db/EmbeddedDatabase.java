package dev.csat.local.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** PostgreSQL for local runs and tests: embedded (zonky, PG 17) by default, or an external server. */
public final class EmbeddedDatabase implements AutoCloseable {
  // PostgreSQL's code for CREATE DATABASE of a name that exists.
  private static final String DUPLICATE_DATABASE = "42P04";
  // Two sessions racing on CREATE DATABASE: the loser trips pg_database's unique index.
  private static final String UNIQUE_VIOLATION = "23505";

  private final EmbeddedPostgres embedded;
  private final Path temporaryDirectory;
  private final String adminUrl;

  private EmbeddedDatabase(EmbeddedPostgres embedded, Path temporaryDirectory, String adminUrl) {
    this.embedded = embedded;
    this.temporaryDirectory = temporaryDirectory;
    this.adminUrl = adminUrl;
  }

  /** Starts embedded PostgreSQL keeping its data in dataDir (created if missing; a restart with the same dir keeps the data). Port: free ephemeral port. */
  public static EmbeddedDatabase start(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dataDir, e);
    }
    // zonky runs initdb only when the directory holds no cluster yet, so a restart keeps the data.
    return startEmbedded(dataDir, null);
  }

  /** Starts embedded PostgreSQL in a fresh temporary directory, deleted on close (for tests). */
  public static EmbeddedDatabase startTemporary() {
    Path dir;
    try {
      dir = Files.createTempDirectory("csat-pg-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory", e);
    }
    return startEmbedded(dir, dir);
  }

  /** Uses an external server, e.g. jdbc:postgresql://localhost:5432/postgres?user=me&password=secret (the database in the URL is the admin one used for CREATE DATABASE). */
  public static EmbeddedDatabase external(String jdbcUrl) {
    EmbeddedDatabase database = new EmbeddedDatabase(null, null, jdbcUrl);
    try (Connection connection = database.adminDataSource().getConnection()) {
      if (!connection.isValid(5)) {
        throw new SQLException("the connection did not answer");
      }
    } catch (SQLException e) {
      // The URL may carry a password: the message leaves it out.
      throw new IllegalStateException("cannot connect to the external PostgreSQL server: " + e.getMessage(), e);
    }
    return database;
  }

  private static EmbeddedDatabase startEmbedded(Path dataDir, Path temporaryDirectory) {
    boolean started = false;
    try {
      EmbeddedPostgres embedded = EmbeddedPostgres.builder()
          .setDataDirectory(dataDir)
          .setCleanDataDirectory(false)
          .setServerConfig("timezone", "UTC") // for psql and other non-JDBC clients; see UtcDataSource
          .start();
      started = true;
      return new EmbeddedDatabase(embedded, temporaryDirectory, embedded.getJdbcUrl("postgres", "postgres"));
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not start in " + dataDir, e);
    } finally {
      if (!started && temporaryDirectory != null) {
        deleteRecursively(temporaryDirectory);
      }
    }
  }

  /** Creates the database if it does not exist (idempotent, safe under concurrent calls). */
  public void createDatabase(String name) {
    // One JVM-wide lock keeps our own callers from racing; the SQLSTATE checks cover other processes.
    synchronized (EmbeddedDatabase.class) {
      try (Connection connection = adminDataSource().getConnection()) {
        if (exists(connection, name)) {
          return;
        }
        try (Statement statement = connection.createStatement()) {
          statement.execute("CREATE DATABASE " + quoteIdentifier(name));
        }
      } catch (SQLException e) {
        if (!DUPLICATE_DATABASE.equals(e.getSQLState()) && !UNIQUE_VIOLATION.equals(e.getSQLState())) {
          throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
      }
    }
  }

  /** A JDBC DataSource for one database on this server. */
  public DataSource dataSource(String databaseName) {
    PGSimpleDataSource dataSource = adminDataSource();
    dataSource.setDatabaseName(databaseName);
    return new UtcDataSource(dataSource);
  }

  @Override
  public void close() {
    try {
      if (embedded != null) {
        embedded.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not stop cleanly", e);
    } finally {
      if (temporaryDirectory != null) {
        deleteRecursively(temporaryDirectory);
      }
    }
  }

  private PGSimpleDataSource adminDataSource() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(adminUrl);
    return dataSource;
  }

  private static boolean exists(Connection connection, String name) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      query.setString(1, name);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    }
  }

  private static String quoteIdentifier(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  private static void deleteRecursively(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + root, e);
    }
  }
}
