package dev.csat.bench;

import dev.csat.local.dataapi.LocalDataApi;
import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.rdsdata.model.Field;

/**
 * The real client, remembering the last statement it sent, so the benchmark can ask PostgreSQL
 * for the plan of exactly the SQL and parameters a request used.
 */
public final class RecordingRdsDataClient implements RdsDataClient {
  private final RdsDataClient delegate;
  private volatile ExecuteStatementRequest last;

  public RecordingRdsDataClient(RdsDataClient delegate) {
    this.delegate = delegate;
  }

  /** The real client, pointed at a local Data API endpoint. */
  public static RdsDataClient localClient(LocalDataApi endpoint) {
    return RdsDataClient.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .endpointOverride(URI.create(endpoint.endpoint().toString()))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .build();
  }

  @Override
  public ExecuteStatementResponse executeStatement(ExecuteStatementRequest request) {
    last = request;
    return delegate.executeStatement(request);
  }

  /** EXPLAIN (ANALYZE, BUFFERS) of the last statement, as PostgreSQL prints it. */
  public String explainLast() {
    ExecuteStatementRequest request = last;
    var explain = request.toBuilder().sql("EXPLAIN (ANALYZE, BUFFERS) " + request.sql()).build();
    StringBuilder plan = new StringBuilder();
    for (List<Field> row : delegate.executeStatement(explain).records()) {
      plan.append(row.getFirst().stringValue()).append('\n');
    }
    return plan.toString();
  }

  @Override
  public String serviceName() {
    return delegate.serviceName();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
