package dev.csat.testing;

import dev.csat.App;
import dev.csat.data.DataApi;
import dev.csat.local.dataapi.LocalDataApi;
import dev.csat.local.db.EmbeddedDatabase;
import dev.csat.migrations.Migrations;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;

/**
 * The real stack under test, once per test JVM: embedded PostgreSQL, the local Data API endpoint,
 * and the real {@link RdsDataClient} talking to it. Each test class takes a fresh database.
 */
public final class LocalStack {
  public static final String CLUSTER_ARN = "arn:aws:rds:us-east-1:000000000000:cluster:csat-test";
  public static final String SECRET_ARN = "arn:aws:secretsmanager:us-east-1:000000000000:secret:csat-test";

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static final EmbeddedDatabase DATABASE = EmbeddedDatabase.startTemporary();
  private static final LocalDataApi DATA_API = LocalDataApi.start(DATABASE, "127.0.0.1", 0);
  private static final RdsDataClient CLIENT = RdsDataClient.builder()
      .endpointOverride(DATA_API.endpoint())
      .region(Region.US_EAST_1)
      .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
      .httpClient(UrlConnectionHttpClient.create())
      .build();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      DATA_API.close();
      DATABASE.close();
    }));
  }

  private LocalStack() {}

  public static LocalDataApi dataApiEndpoint() {
    return DATA_API;
  }

  /** A new, migrated database reached through the Data API. */
  public static DataApi freshDatabase() {
    String name = "csat_test_" + DATABASES.incrementAndGet();
    DATABASE.createDatabase(name);
    DataApi dataApi = new DataApi(CLIENT, CLUSTER_ARN, SECRET_ARN, name);
    Migrations.fromClasspath().apply(dataApi);
    return dataApi;
  }

  /**
   * Points the execution environment's {@link App#get()} (what the handlers' no-argument
   * constructors use, as in Lambda) at a fresh database, through configuration. Once per JVM:
   * that App is built once, like a real execution environment's.
   */
  public static synchronized void configureDefaultApp() {
    if (System.getProperty("CSAT_DB_NAME") != null) {
      return;
    }
    String name = "csat_default";
    DATABASE.createDatabase(name);
    Migrations.fromClasspath().apply(new DataApi(CLIENT, CLUSTER_ARN, SECRET_ARN, name));
    System.setProperty("CSAT_DATA_API_ENDPOINT", DATA_API.endpoint().toString());
    System.setProperty("CSAT_DB_CLUSTER_ARN", CLUSTER_ARN);
    System.setProperty("CSAT_DB_SECRET_ARN", SECRET_ARN);
    System.setProperty("CSAT_DB_NAME", name);
  }

  /** The service wired to a fresh database, with the given clock. */
  public static App freshApp(Clock clock) {
    return App.create(freshDatabase(), clock);
  }
}
