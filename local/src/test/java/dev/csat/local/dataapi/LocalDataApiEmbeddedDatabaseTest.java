package dev.csat.local.dataapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.csat.local.db.EmbeddedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.rdsdata.model.ServiceUnavailableErrorException;

/** The PostgreSQL the local Data API runs on: persistent, temporary or external. */
class LocalDataApiEmbeddedDatabaseTest {

  private static String query(DataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }

  private static void update(DataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  @Test
  void aRestartOnTheSameDirectoryKeepsTheData(@TempDir Path parent) throws SQLException {
    Path dataDir = parent.resolve("not-yet-created");
    try (EmbeddedDatabase first = EmbeddedDatabase.start(dataDir)) {
      first.createDatabase("kept");
      update(first.dataSource("kept"), "CREATE TABLE notes (body text); INSERT INTO notes VALUES ('survives')");
    }

    try (EmbeddedDatabase second = EmbeddedDatabase.start(dataDir)) {
      assertEquals("survives", query(second.dataSource("kept"), "SELECT body FROM notes"));
    }
  }

  @Test
  void aTemporaryServerDeletesItsDirectoryAndCreatesDatabasesOnceUnderConcurrency() throws Exception {
    Path dataDir;
    try (EmbeddedDatabase database = EmbeddedDatabase.startTemporary()) {
      dataDir = Path.of(query(database.dataSource("postgres"), "SHOW data_directory"));
      ExecutorService threads = Executors.newFixedThreadPool(8);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          done.add(threads.submit(() -> database.createDatabase("raced")));
        }
        for (Future<?> future : done) {
          future.get();
        }
      } finally {
        threads.shutdown();
      }
      database.createDatabase("raced");

      assertEquals("1", query(database.dataSource("postgres"), "SELECT count(*) FROM pg_database WHERE datname = 'raced'"));
      assertEquals("UTC", query(database.dataSource("raced"), "SHOW TimeZone"), "sessions run in UTC");
      assertTrue(Files.isDirectory(dataDir));
    }

    assertFalse(Files.exists(dataDir));
  }

  @Test
  void anExternalServerIsUsedThroughItsUrl() throws SQLException {
    try (EmbeddedDatabase server = EmbeddedDatabase.startTemporary()) {
      // The driver's URL leaves the user out; a caller's URL names it.
      String url = server.dataSource("postgres").unwrap(PGSimpleDataSource.class).getUrl() + "&user=postgres";

      try (EmbeddedDatabase external = EmbeddedDatabase.external(url)) {
        external.createDatabase("from_outside");
        assertEquals("from_outside", query(external.dataSource("from_outside"), "SELECT current_database()"));
      }

      assertEquals("1", query(server.dataSource("from_outside"), "SELECT 1"), "closing an external one leaves the server up");
    }
  }

  @Test
  void anUnreachableDatabaseIsServiceUnavailable() {
    EmbeddedDatabase database = EmbeddedDatabase.startTemporary();
    try (LocalDataApi api = LocalDataApi.start(database, "127.0.0.1", 0);
        RdsDataClient client = RdsDataClient.builder()
            .endpointOverride(api.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(UrlConnectionHttpClient.create())
            .build()) {
      client.executeStatement(b -> b.resourceArn("arn:aws:rds:us-east-1:1:cluster:x").secretArn("arn:aws:sm:x:1:secret")
          .sql("SELECT 1"));
      database.close();

      ServiceUnavailableErrorException e = assertThrows(ServiceUnavailableErrorException.class,
          () -> client.executeStatement(b -> b.resourceArn("arn:aws:rds:us-east-1:1:cluster:x")
              .secretArn("arn:aws:sm:x:1:secret").sql("SELECT 1")));

      assertEquals(503, e.statusCode());
      assertTrue(e.getMessage().contains("SQLState: 08"), e.getMessage());
    }
  }
}
