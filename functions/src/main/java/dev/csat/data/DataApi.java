package dev.csat.data;

import dev.csat.core.UnavailableException;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.rdsdata.model.ColumnMetadata;
import software.amazon.awssdk.services.rdsdata.model.DatabaseResumingException;
import software.amazon.awssdk.services.rdsdata.model.DatabaseUnavailableException;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.rdsdata.model.ServiceUnavailableErrorException;

/**
 * The one door to Aurora: each call is one Data API round trip. Translates the SDK's
 * "try again later" failures into {@link UnavailableException}; everything else propagates and
 * becomes a 500 whose details are only logged.
 */
public final class DataApi {
  private final RdsDataClient client;
  private final String resourceArn;
  private final String secretArn;
  private final String database;

  public DataApi(RdsDataClient client, String resourceArn, String secretArn, String database) {
    this.client = client;
    this.resourceArn = resourceArn;
    this.secretArn = secretArn;
    this.database = database;
  }

  /** Runs one statement and returns its rows (none for statements without a result set). */
  public List<Row> query(String sql, SqlParams params) {
    return rows(execute(sql, params, null));
  }

  /** Runs one statement inside a transaction opened with {@link #inTransaction}. */
  List<Row> query(String sql, SqlParams params, String transactionId) {
    return rows(execute(sql, params, transactionId));
  }

  /**
   * Runs {@code work} in one transaction, committed when it returns, rolled back when it throws.
   * Only for deploy-time work such as migrations: request paths use one statement instead.
   */
  public <T> T inTransaction(Function<Transaction, T> work) {
    String id = translate(() -> client.beginTransaction(b -> b
        .resourceArn(resourceArn).secretArn(secretArn).database(database)).transactionId());
    try {
      T result = work.apply((sql, params) -> query(sql, params, id));
      translate(() -> client.commitTransaction(b -> b.resourceArn(resourceArn).secretArn(secretArn).transactionId(id)));
      return result;
    } catch (RuntimeException failure) {
      try {
        client.rollbackTransaction(b -> b.resourceArn(resourceArn).secretArn(secretArn).transactionId(id));
      } catch (RuntimeException rollbackFailure) {
        failure.addSuppressed(rollbackFailure);
      }
      throw failure;
    }
  }

  /** Statements run inside {@link #inTransaction}. */
  @FunctionalInterface
  public interface Transaction {
    List<Row> query(String sql, SqlParams params);
  }

  private ExecuteStatementResponse execute(String sql, SqlParams params, String transactionId) {
    return translate(() -> client.executeStatement(b -> b
        .resourceArn(resourceArn)
        .secretArn(secretArn)
        .database(database)
        .transactionId(transactionId)
        .sql(sql)
        .parameters(params.toList())
        .includeResultMetadata(true)));
  }

  private static List<Row> rows(ExecuteStatementResponse response) {
    if (!response.hasRecords() || response.records().isEmpty()) {
      return List.of();
    }
    Map<String, Integer> columns = new HashMap<>();
    List<ColumnMetadata> metadata = response.columnMetadata();
    for (int i = 0; i < metadata.size(); i++) {
      columns.putIfAbsent(metadata.get(i).label() != null ? metadata.get(i).label() : metadata.get(i).name(), i);
    }
    return response.records().stream().map(fields -> new Row(columns, fields)).toList();
  }

  private static <T> T translate(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (DatabaseResumingException e) {
      // Aurora Serverless v2 waking from zero capacity: seconds, not minutes.
      throw new UnavailableException("the database is resuming; retry shortly", Duration.ofSeconds(10), e);
    } catch (DatabaseUnavailableException | ServiceUnavailableErrorException e) {
      throw new UnavailableException("the database is unavailable; retry shortly", Duration.ofSeconds(5), e);
    } catch (SdkClientException e) {
      // Only a network failure is worth a retry; a configuration or credentials error is a 500.
      if (hasCause(e, IOException.class)) {
        throw new UnavailableException("the database could not be reached; retry shortly", Duration.ofSeconds(5), e);
      }
      throw e;
    }
  }

  private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }
}
