package dev.csat.migrations;

import dev.csat.core.Fingerprint;
import dev.csat.data.DataApi;
import dev.csat.data.SqlParams;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned schema migrations, applied in order through the Data API, each in its own
 * transaction. The list lives in {@code db/migrations.txt} on the class path; an applied file
 * must never change (its checksum is checked), so changes are always new files.
 */
public final class Migrations {
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
  private static final String INDEX = "db/migrations.txt";
  // Any constant works: it only has to be the same for every concurrent deploy or local start.
  private static final long LOCK_KEY = 0x6373_6174_6d69_67L;

  /** One migration file: its version (the file name) and its statements. */
  record Migration(String version, String checksum, List<String> statements) {}

  private final List<Migration> migrations;

  Migrations(List<Migration> migrations) {
    this.migrations = List.copyOf(migrations);
  }

  public static Migrations fromClasspath() {
    List<Migration> migrations = new ArrayList<>();
    for (String file : read(INDEX).lines().map(String::strip).filter(line -> !line.isEmpty()).toList()) {
      String script = read("db/migration/" + file);
      migrations.add(new Migration(file, Fingerprint.of(script), SqlScript.statements(script)));
    }
    return new Migrations(migrations);
  }

  /** Applies the pending migrations; returns the versions applied now (none when up to date). */
  public List<String> apply(DataApi db) {
    List<String> applied = new ArrayList<>();
    for (Migration migration : migrations) {
      if (db.inTransaction(tx -> applyOne(tx, migration))) {
        LOG.info("applied migration {}", migration.version());
        applied.add(migration.version());
      }
    }
    return applied;
  }

  /** True when applied now; false when an earlier run (maybe a concurrent one) already did. */
  private static boolean applyOne(DataApi.Transaction tx, Migration migration) {
    // Concurrent deploys and local starts wait here for each other instead of racing.
    tx.query("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")", SqlParams.of());
    tx.query("""
        CREATE TABLE IF NOT EXISTS schema_migrations (
          version    text        PRIMARY KEY,
          checksum   text        NOT NULL,
          applied_at timestamptz NOT NULL DEFAULT now()
        )""", SqlParams.of());
    var done = tx.query("SELECT checksum FROM schema_migrations WHERE version = :version",
        SqlParams.of().text("version", migration.version()));
    if (!done.isEmpty()) {
      if (!done.getFirst().text("checksum").equals(migration.checksum())) {
        throw new IllegalStateException("migration " + migration.version()
            + " changed after it was applied; add a new migration instead of editing an applied one");
      }
      return false;
    }
    for (String statement : migration.statements()) {
      tx.query(statement, SqlParams.of());
    }
    tx.query("INSERT INTO schema_migrations (version, checksum) VALUES (:version, :checksum)",
        SqlParams.of().text("version", migration.version()).text("checksum", migration.checksum()));
    return true;
  }

  /** The statements of one migration file (its name in {@code db/migrations.txt}), in order. */
  public static List<String> statementsOf(String file) {
    return SqlScript.statements(read("db/migration/" + file));
  }

  Set<String> versions() {
    return migrations.stream().map(Migration::version).collect(Collectors.toSet());
  }

  private static String read(String resource) {
    try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing class path resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
