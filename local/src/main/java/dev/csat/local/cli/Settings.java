package dev.csat.local.cli;

import dev.csat.Config;
import java.nio.file.Path;

/**
 * The CLI's configuration: each name is read as the functions read theirs ({@link Config}: a
 * JVM system property wins over the environment variable), with the local defaults.
 */
public record Settings(
    Path repoRoot,
    String gatewayHost,
    int gatewayPort,
    String dataApiHost,
    int dataApiPort,
    Path dataDir,
    String dbUrl,
    String dbName) {

  public static Settings fromEnvironment() {
    Path repoRoot = repoRootFromEnvironment();
    String dataDir = Config.get("CSAT_DATA_DIR", null);
    return new Settings(
        repoRoot,
        "127.0.0.1",
        port("CSAT_PORT", 3000),
        Config.get("CSAT_DATA_API_HOST", "127.0.0.1"),
        port("CSAT_DATA_API_PORT", 3001),
        dataDir == null ? repoRoot.resolve(".csat/pgdata") : Path.of(dataDir).toAbsolutePath().normalize(),
        Config.get("CSAT_DB_URL", null),
        Config.get("CSAT_DB_NAME", "csat"));
  }

  /**
   * The repository root alone (the {@code csat.repo.root} property the launcher sets, else the
   * working directory): for commands such as {@code token} that need no ports or database.
   */
  public static Path repoRootFromEnvironment() {
    String root = System.getProperty("csat.repo.root");
    return (root == null || root.isBlank() ? Path.of("") : Path.of(root)).toAbsolutePath().normalize();
  }

  public Path template() {
    return repoRoot.resolve("template.yaml");
  }

  private static int port(String name, int fallback) {
    String value = Config.get(name, Integer.toString(fallback)).strip();
    try {
      int port = Integer.parseInt(value);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw new CliException(name + " must be a port number (0-65535), not '" + value + "'");
  }
}
