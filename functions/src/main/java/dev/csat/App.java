package dev.csat;

import dev.csat.analytics.Analytics;
import dev.csat.analytics.DataApiAnalyticsRepository;

import dev.csat.apikeys.ApiGatewayUsagePlanKeys;
import dev.csat.apikeys.ApiKeyVerification;
import dev.csat.apikeys.ApiKeys;
import dev.csat.apikeys.DataApiApiKeyRepository;
import dev.csat.apikeys.UsagePlanKeys;
import dev.csat.auth.ApiKeyVerifier;
import dev.csat.auth.JwtKeySource;
import dev.csat.auth.JwtVerifier;
import dev.csat.catalog.Catalog;
import dev.csat.catalog.DataApiCatalogRepository;
import dev.csat.data.DataApi;
import dev.csat.engagement.DataApiEngagementRepository;
import dev.csat.engagement.Engagement;
import dev.csat.feedback.CursorCodec;
import dev.csat.feedback.DataApiInboxRepository;
import dev.csat.feedback.Inbox;
import dev.csat.http.Cors;
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
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
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
  private final Inbox inbox;
  private final Engagement engagement;
  private final ApiKeys apiKeys;
  private final Analytics analytics;
  private final ApiKeyVerifier apiKeyVerifier;
  // Built on first use: only the authorizer verifies tokens, and the other functions run without keys configured.
  private JwtVerifier jwtVerifier;

  private App(DataApi dataApi, UsagePlanKeys usagePlanKeys, Clock clock, Cors cors) {
    this.http = new Http(new Json(), cors);
    this.dataApi = dataApi;
    this.catalog = new Catalog(new DataApiCatalogRepository(dataApi), clock);
    this.interactions = new Interactions(new DataApiInteractionRepository(dataApi), clock);
    var cursors = new CursorCodec(cursorKey());
    this.inbox = new Inbox(new DataApiInboxRepository(dataApi), cursors, clock);
    this.engagement = new Engagement(new DataApiEngagementRepository(dataApi), cursors, clock);
    this.analytics = new Analytics(new DataApiAnalyticsRepository(dataApi));
    var apiKeyRepository = new DataApiApiKeyRepository(dataApi);
    this.apiKeys = new ApiKeys(apiKeyRepository, usagePlanKeys, clock);
    this.apiKeyVerifier = new ApiKeyVerification(apiKeyRepository, clock);
  }

  /** The execution environment's instance, configured from the environment. */
  public static App get() {
    return Default.INSTANCE;
  }

  /** An instance over the given Data API and clock, without cross-origin access (tests, local tools). */
  public static App create(DataApi dataApi, Clock clock) {
    return new App(dataApi, UsagePlanKeys.local(), clock, Cors.none());
  }

  /** An instance over the given Data API and clock whose responses follow the given CORS policy (tests). */
  public static App create(DataApi dataApi, Clock clock, Cors cors) {
    return new App(dataApi, UsagePlanKeys.local(), clock, cors);
  }

  /**
   * Where API keys' meters go: the stack's usage plan for API keys ({@code CSAT_API_KEY_USAGE_PLAN},
   * its name) in AWS; nowhere to configure locally, where the local gateway meters by the template.
   */
  static UsagePlanKeys usagePlanKeysFromConfig() {
    String plan = Config.get("CSAT_API_KEY_USAGE_PLAN", "");
    if (plan.isEmpty()) {
      return UsagePlanKeys.local();
    }
    return new ApiGatewayUsagePlanKeys(
        () -> ApiGatewayClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(Region.of(Config.required("AWS_REGION")))
            .build(),
        plan, Config.required("CSAT_STACK_NAME"));
  }

  /** The CORS policy as configured: the origins in {@code CSAT_CORS_ORIGINS}, none when it is empty. */
  public static Cors corsFromConfig() {
    return Cors.of(Config.get(Cors.CONFIG, ""));
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

  public Inbox inbox() {
    return inbox;
  }

  public Engagement engagement() {
    return engagement;
  }

  public ApiKeys apiKeys() {
    return apiKeys;
  }

  public Analytics analytics() {
    return analytics;
  }

  /**
   * The authorizer's JWT verifier over the configured key set ({@link JwtKeySource#fromConfig}).
   * Token times are checked against the real clock, whatever clock this instance runs on: tokens
   * are minted with real time.
   */
  public synchronized JwtVerifier jwtVerifier() {
    if (jwtVerifier == null) {
      jwtVerifier = new JwtVerifier(JwtKeySource.fromConfig(), Clock.systemUTC());
    }
    return jwtVerifier;
  }

  /** Checks presented API keys ({@code csk_...}) for the authorizer. */
  public ApiKeyVerifier apiKeyVerifier() {
    return apiKeyVerifier;
  }

  /**
   * The key that signs list cursors: {@code CSAT_CURSOR_KEY} (at least 32 characters; the stack
   * generates one), so a cursor works in every execution environment. Without it (local runs,
   * tests: one process) a random key, and cursors do not survive a restart.
   */
  private static byte[] cursorKey() {
    String configured = Config.get("CSAT_CURSOR_KEY", null);
    if (configured != null) {
      return configured.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    return key;
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
    static final App INSTANCE = new App(dataApiFromConfig(), usagePlanKeysFromConfig(), millisecondClock(), corsFromConfig());

    static {
      Priming.register();
    }
  }
}
