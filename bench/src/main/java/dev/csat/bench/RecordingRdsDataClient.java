package dev.csat.bench;

import dev.csat.local.dataapi.LocalDataApi;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.rdsdata.model.Field;
import software.amazon.awssdk.services.rdsdata.model.SqlParameter;

/**
 * The real client, remembering the last statement it sent, so the benchmark can ask PostgreSQL
 * for the plan of exactly the SQL and parameters a request used.
 */
public final class RecordingRdsDataClient implements RdsDataClient {
  /** A named parameter (:name), not a cast (::type). */
  private static final Pattern PARAMETER = Pattern.compile("(?<!:):([A-Za-z_][A-Za-z0-9_]*)");

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

  /**
   * The last statement with each of its parameters written in as a literal, to replay it in
   * psql or pgbench against the same data.
   */
  public String lastWithLiterals() {
    ExecuteStatementRequest request = last;
    Map<String, SqlParameter> parameters = request.parameters().stream()
        .collect(Collectors.toMap(SqlParameter::name, Function.identity()));
    Matcher matcher = PARAMETER.matcher(request.sql());
    StringBuilder sql = new StringBuilder();
    while (matcher.find()) {
      SqlParameter parameter = parameters.get(matcher.group(1));
      String replacement = parameter == null ? matcher.group() : literal(parameter);
      matcher.appendReplacement(sql, Matcher.quoteReplacement(replacement));
    }
    return matcher.appendTail(sql).append(";\n").toString();
  }

  private static String literal(SqlParameter parameter) {
    Field value = parameter.value();
    if (Boolean.TRUE.equals(value.isNull())) {
      return "NULL";
    }
    if (value.longValue() != null) {
      return value.longValue().toString();
    }
    if (value.booleanValue() != null) {
      return value.booleanValue().toString();
    }
    if (value.doubleValue() != null) {
      return value.doubleValue().toString();
    }
    String quoted = "'" + value.stringValue().replace("'", "''") + "'";
    return parameter.typeHint() == null ? quoted
        : "CAST(" + quoted + " AS " + parameter.typeHintAsString().toLowerCase() + ")";
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
