package dev.csat;

import dev.csat.catalog.Catalog;
import dev.csat.catalog.DataApiCatalogRepository;
import dev.csat.data.DataApi;
import dev.csat.http.Http;
import dev.csat.http.Json;
import dev.csat.interactions.DataApiInteractionRepository;
import dev.csat.interactions.Interactions;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;

/**
 * The composition root: builds the client, JSON mapper and use cases once per execution
 * environment (a static final, so a SnapStart snapshot holds them ready) and hands them to the
 * handlers' no-argument constructors. Tests build their own with {@link #create}.
 */
public final class App {
  private final Http http;
  private final DataApi dataApi;
  private final Catalog catalog;
  private final Interactions interactions;

  private App(DataApi dataApi, Clock clock) {
    this.http = new Http(new Json(), Config.get("CSAT_DEFAULT_TENANT", "default"));
    this.dataApi = dataApi;
    this.catalog = new Catalog(new DataApiCatalogRepository(dataApi), clock);
    this.interactions = new Interactions(new DataApiInteractionRepository(dataApi), clock);
  }

  /** The execution environment's instance, configured from the environment. */
  public static App get() {
    return Default.INSTANCE;
  }

  /** An instance over the given Data API and clock (tests, local tools). */
  public static App create(DataApi dataApi, Clock clock) {
    return new App(dataApi, clock);
  }

  /** The Data API as configured: the real service in AWS, the local endpoint when one is set. */
  public static DataApi dataApiFromConfig() {
    return new DataApi(rdsDataClient(),
        Config.required("CSAT_DB_CLUSTER_ARN"),
        Config.required("CSAT_DB_SECRET_ARN"),
        Config.get("CSAT_DB_NAME", "csat"));
  }

  public Http http() {
    return http;
  }

  public DataApi dataApi() {
    return dataApi;
  }

  public Catalog catalog() {
    return catalog;
  }

  public Interactions interactions() {
    return interactions;
  }

  /** Timestamps are kept to the millisecond, as the API shows them. */
  static Clock millisecondClock() {
    return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
  }

  private static RdsDataClient rdsDataClient() {
    var builder = RdsDataClient.builder().httpClient(UrlConnectionHttpClient.create());
    String localEndpoint = Config.get("CSAT_DATA_API_ENDPOINT", null);
    if (localEndpoint != null) {
      return builder
          .endpointOverride(URI.create(localEndpoint))
          .region(Region.US_EAST_1)
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
          .build();
    }
    // Naming the region skips the SDK's region-chain probing at cold start. Credentials keep the
    // default chain: under SnapStart, Lambda serves them from the container credentials endpoint
    // rather than environment variables.
    return builder.region(Region.of(Config.required("AWS_REGION"))).build();
  }

  /** Lazy holder: the environment's App is built on first use, not when tests load this class. */
  private static final class Default {
    static final App INSTANCE = new App(dataApiFromConfig(), millisecondClock());

    static {
      Priming.register();
    }
  }
}
