package dev.csat.local.dataapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csat.local.dataapi.NamedParameters.Translation;
import dev.csat.local.dataapi.Parameters.Binding;
import dev.csat.local.db.EmbeddedDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The five Data API operations: checks each request, then runs it on a pooled connection
 * (autocommit) or on its transaction's connection.
 */
final class DataApiService implements AutoCloseable {
  // The database a request without "database" uses: the server's default one.
  private static final String DEFAULT_DATABASE = "postgres";
  private static final int MAX_SQL = 65_536;
  private static final int MAX_DATABASE_NAME = 64;
  private static final int MAX_TRANSACTION_ID = 192;

  private final DatabasePools pools;
  private final Transactions transactions;
  private final StatementRunner runner;

  DataApiService(EmbeddedDatabase database, Limits limits) {
    this.pools = new DatabasePools(database);
    this.transactions = new Transactions(limits.transactionIdleTimeout());
    this.runner = new StatementRunner(limits);
  }

  ObjectNode handle(Operation operation, JsonNode body) {
    RequestFields request = RequestFields.of(body);
    request.arns();
    return switch (operation) {
      case EXECUTE_STATEMENT -> executeStatement(request);
      case BATCH_EXECUTE_STATEMENT -> batchExecuteStatement(request);
      case BEGIN_TRANSACTION -> beginTransaction(request);
      case COMMIT_TRANSACTION -> endTransaction(request, true);
      case ROLLBACK_TRANSACTION -> endTransaction(request, false);
    };
  }

  private ObjectNode executeStatement(RequestFields request) {
    String sql = request.required("sql", 0, MAX_SQL);
    String database = database(request);
    String transactionId = request.optional("transactionId", MAX_TRANSACTION_ID);
    JsonNode parameters = request.node("parameters");
    ExecuteOptions options = options(request);
    request.validate();
    Translation translation = NamedParameters.translate(sql);
    List<Binding> bindings = Parameters.inOrder(translation, Parameters.parse(parameters));
    return onConnection(database, transactionId,
        connection -> runner.execute(connection, translation, bindings, options));
  }

  private ObjectNode batchExecuteStatement(RequestFields request) {
    String sql = request.required("sql", 0, MAX_SQL);
    String database = database(request);
    String transactionId = request.optional("transactionId", MAX_TRANSACTION_ID);
    JsonNode parameterSets = request.node("parameterSets");
    request.validate();
    Translation translation = NamedParameters.translate(sql);
    List<List<Binding>> bindings = new ArrayList<>();
    if (parameterSets != null) {
      if (!parameterSets.isArray()) {
        throw DataApiException.badRequest("parameterSets must be a list of parameter lists");
      }
      for (JsonNode parameterSet : parameterSets) {
        bindings.add(Parameters.inOrder(translation, Parameters.parse(parameterSet)));
      }
    }
    boolean atomic = transactionId == null;
    ObjectNode response = Json.NODES.objectNode();
    response.set("updateResults", onConnection(database, transactionId,
        connection -> runner.executeBatch(connection, translation, bindings, atomic)));
    return response;
  }

  private ObjectNode beginTransaction(RequestFields request) {
    String database = database(request);
    request.validate();
    try {
      return Json.NODES.objectNode().put("transactionId", transactions.begin(pools.pool(database)));
    } catch (SQLException e) {
      throw SqlErrors.translate(e);
    }
  }

  private ObjectNode endTransaction(RequestFields request, boolean commit) {
    String transactionId = request.required("transactionId", 0, MAX_TRANSACTION_ID);
    request.validate();
    if (commit) {
      transactions.commit(transactionId);
      return Json.NODES.objectNode().put("transactionStatus", "Transaction Committed");
    }
    transactions.rollback(transactionId);
    return Json.NODES.objectNode().put("transactionStatus", "Rollback Complete");
  }

  // "schema" is read only to be checked: the service documents it as not supported.
  private static String database(RequestFields request) {
    request.optional("schema", MAX_DATABASE_NAME);
    String database = request.optional("database", MAX_DATABASE_NAME);
    return database == null ? DEFAULT_DATABASE : database;
  }

  private static ExecuteOptions options(RequestFields request) {
    boolean includeMetadata = request.flag("includeResultMetadata");
    boolean continueAfterTimeout = request.flag("continueAfterTimeout");
    String format = request.optionalEnum("formatRecordsAs", Set.of("NONE", "JSON"));
    JsonNode resultSetOptions = request.node("resultSetOptions");
    String decimals = null;
    String longs = null;
    if (resultSetOptions != null) {
      RequestFields nested = RequestFields.of(resultSetOptions);
      decimals = nested.optionalEnum("decimalReturnType", Set.of("STRING", "DOUBLE_OR_LONG"));
      longs = nested.optionalEnum("longReturnType", Set.of("STRING", "LONG"));
      nested.validate();
    }
    return new ExecuteOptions(includeMetadata, "JSON".equals(format), continueAfterTimeout,
        "DOUBLE_OR_LONG".equals(decimals), "STRING".equals(longs));
  }

  /** Runs work in the named transaction, or else on a pooled connection in autocommit mode. */
  private <T> T onConnection(String database, String transactionId, SqlWork<T> work) {
    if (transactionId != null) {
      return transactions.run(transactionId, work);
    }
    ConnectionPool pool = pools.pool(database);
    try {
      Connection connection = pool.acquire();
      try {
        return work.apply(connection);
      } finally {
        pool.release(connection);
      }
    } catch (SQLException e) {
      throw SqlErrors.translate(e);
    }
  }

  @Override
  public void close() {
    transactions.close();
    pools.close();
  }
}
