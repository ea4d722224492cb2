package dev.csat.local.dataapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.csat.local.db.EmbeddedDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.rdsdata.model.BadRequestException;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.rdsdata.model.StatementTimeoutException;

/** The service's limits (statement timeout, idle transactions, response size), shrunk so tests reach them fast. */
class LocalDataApiLimitsTest {
  private static final String RESOURCE_ARN = "arn:aws:rds:us-east-1:123456789012:cluster:csat-local";
  private static final String SECRET_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:csat-local";
  private static final String DATABASE = "csat_limits_test";
  private static final Limits LIMITS = new Limits(Duration.ofSeconds(1), Duration.ofMillis(500), 2000);

  private static EmbeddedDatabase database;
  private static LocalDataApi api;
  private static RdsDataClient client;

  @BeforeAll
  static void start() {
    database = EmbeddedDatabase.startTemporary();
    database.createDatabase(DATABASE);
    api = LocalDataApi.start(database, "127.0.0.1", 0, LIMITS);
    client = RdsDataClient.builder()
        .endpointOverride(api.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close();
    }
    if (api != null) {
      api.close();
    }
    if (database != null) {
      database.close();
    }
  }

  private static ExecuteStatementResponse execute(Consumer<ExecuteStatementRequest.Builder> request) {
    return client.executeStatement(b -> {
      b.resourceArn(RESOURCE_ARN).secretArn(SECRET_ARN).database(DATABASE);
      request.accept(b);
    });
  }

  private static String begin() {
    return client.beginTransaction(b -> b.resourceArn(RESOURCE_ARN).secretArn(SECRET_ARN).database(DATABASE))
        .transactionId();
  }

  @Test
  void aStatementOverTheTimeoutIsCancelled() {
    StatementTimeoutException e = assertThrows(StatementTimeoutException.class,
        () -> execute(b -> b.sql("SELECT pg_sleep(3)")));

    assertEquals(400, e.statusCode());
    assertTrue(e.getMessage().startsWith("Request timed out"), e.getMessage());
  }

  @Test
  void continueAfterTimeoutLetsTheStatementFinish() {
    ExecuteStatementResponse response = execute(b -> b.sql("SELECT pg_sleep(1.5), 'done'").continueAfterTimeout(true));

    assertEquals("done", response.records().get(0).get(1).stringValue());
  }

  @Test
  void theUsersOwnStatementTimeoutStaysASqlError() {
    String tx = begin();
    execute(b -> b.sql("SET LOCAL statement_timeout = '100ms'").transactionId(tx));

    BadRequestException e = assertThrows(BadRequestException.class,
        () -> execute(b -> b.sql("SELECT pg_sleep(0.5)").transactionId(tx)));

    assertTrue(e.getMessage().contains("SQLState: 57014"), e.getMessage());
  }

  @Test
  void anIdleTransactionIsRolledBackAndForgotten() throws InterruptedException {
    execute(b -> b.sql("CREATE TABLE expiring (id int)"));
    String tx = begin();
    execute(b -> b.sql("INSERT INTO expiring VALUES (1)").transactionId(tx));

    Thread.sleep(1500);

    BadRequestException e = assertThrows(BadRequestException.class,
        () -> execute(b -> b.sql("SELECT 1").transactionId(tx)));
    assertTrue(e.getMessage().contains("is not found: Transaction may be expired"), e.getMessage());
    assertEquals(0L, execute(b -> b.sql("SELECT count(*) FROM expiring")).records().get(0).get(0).longValue());
  }

  @Test
  void expiredTransactionsGiveTheirConnectionsBack() throws InterruptedException {
    List<String> abandoned = new ArrayList<>();
    for (int i = 0; i < ConnectionPool.MAX_CONNECTIONS; i++) {
      abandoned.add(begin());
    }

    Thread.sleep(1500);

    // With the pool still lent out this would wait 30 s for a connection.
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> execute(b -> b.sql("SELECT 1")));
    assertEquals(ConnectionPool.MAX_CONNECTIONS, abandoned.size());
  }

  @Test
  void failuresDoNotLeakConnections() {
    // One more round than the pool has connections: a leak on any path would leave the last call waiting.
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      for (int i = 0; i <= ConnectionPool.MAX_CONNECTIONS; i++) {
        assertThrows(BadRequestException.class, () -> execute(b -> b.sql("SELECT * FROM no_such_table")));
        assertThrows(StatementTimeoutException.class, () -> execute(b -> b.sql("SELECT pg_sleep(2)")));
        String tx = begin();
        assertThrows(BadRequestException.class, () -> execute(b -> b.sql("SELECT 1/0").transactionId(tx)));
      }
      assertEquals(1L, execute(b -> b.sql("SELECT 1")).records().get(0).get(0).longValue());
    });
  }

  @Test
  void aResponseOverTheLimitIsRefused() {
    BadRequestException e = assertThrows(BadRequestException.class,
        () -> execute(b -> b.sql("SELECT repeat('x', 1500) FROM generate_series(1, 2)")));

    assertTrue(e.getMessage().contains("Database returned more than the allowed response size limit"), e.getMessage());
    assertEquals(1, execute(b -> b.sql("SELECT repeat('x', 1500)")).records().size());
  }
}
