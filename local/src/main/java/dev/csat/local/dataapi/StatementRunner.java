package dev.csat.local.dataapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csat.local.dataapi.DataApiException.Type;
import dev.csat.local.dataapi.NamedParameters.Translation;
import dev.csat.local.dataapi.Parameters.Binding;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Runs translated statements on a connection and builds the ExecuteStatement and BatchExecuteStatement responses. */
final class StatementRunner {
  // What PostgreSQL reports for a statement cancelled by the driver's query timeout.
  private static final String QUERY_CANCELED = "57014";

  // Database time of the statements run on this thread since the last take (see takeDatabaseNanos).
  private static final ThreadLocal<long[]> DATABASE_NANOS = ThreadLocal.withInitial(() -> new long[1]);

  private final Limits limits;

  StatementRunner(Limits limits) {
    this.limits = limits;
  }

  /**
   * The nanoseconds this thread's statements spent in the database (JDBC execute plus reading the
   * result set, failures included) since the previous call, which is reset to zero. A request
   * runs on one thread from start to end, so the HTTP handler takes it before and after each call.
   */
  static long takeDatabaseNanos() {
    long[] nanos = DATABASE_NANOS.get();
    long taken = nanos[0];
    nanos[0] = 0;
    return taken;
  }

  private static void addDatabaseNanos(long started) {
    DATABASE_NANOS.get()[0] += System.nanoTime() - started;
  }

  ObjectNode execute(Connection connection, Translation sql, List<Binding> bindings, ExecuteOptions options)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql.jdbcSql())) {
      Parameters.bindAll(statement, bindings);
      ObjectNode response = Json.NODES.objectNode();
      long started = System.nanoTime();
      try {
        if (run(statement, !options.continueAfterTimeout())) {
          try (ResultSet rows = statement.getResultSet()) {
            new ResultSetEncoder(options, limits.maxResponseBytes()).write(rows, response);
          }
          response.put("numberOfRecordsUpdated", 0);
        } else {
          // PostgreSQL has no generated keys to report: the service always answers an empty list.
          response.put("numberOfRecordsUpdated", Math.max(0, statement.getLargeUpdateCount()));
          response.putArray("generatedFields");
        }
      } finally {
        addDatabaseNanos(started);
      }
      return response;
    }
  }

  /**
   * Runs the statement once per parameter set. Outside a transaction the sets run atomically;
   * each update result carries the first RETURNING row as its generatedFields.
   */
  ArrayNode executeBatch(Connection connection, Translation sql, List<List<Binding>> parameterSets, boolean atomic)
      throws SQLException {
    if (atomic) {
      connection.setAutoCommit(false); // the pool rolls back and restores autocommit if this fails
    }
    ArrayNode updateResults = Json.NODES.arrayNode();
    ResultSetEncoder encoder = new ResultSetEncoder(ExecuteOptions.DEFAULTS, limits.maxResponseBytes());
    try (PreparedStatement statement = connection.prepareStatement(sql.jdbcSql())) {
      for (List<Binding> bindings : parameterSets) {
        statement.clearParameters();
        Parameters.bindAll(statement, bindings);
        ArrayNode generated = updateResults.addObject().putArray("generatedFields");
        long started = System.nanoTime();
        try {
          if (run(statement, true)) {
            try (ResultSet rows = statement.getResultSet()) {
              generated.addAll(encoder.firstRecord(rows));
            }
          }
        } finally {
          addDatabaseNanos(started);
        }
      }
    }
    if (atomic) {
      connection.commit();
      connection.setAutoCommit(true);
    }
    return updateResults;
  }

  /** Executes with the service's statement timeout unless told not to; true when a result set came back. */
  private boolean run(PreparedStatement statement, boolean withTimeout) throws SQLException {
    int timeoutSeconds = (int) Math.max(1, limits.statementTimeout().toSeconds());
    if (withTimeout) {
      statement.setQueryTimeout(timeoutSeconds);
    }
    long started = System.nanoTime();
    try {
      return statement.execute();
    } catch (SQLException e) {
      long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
      // A cancel that came when our timeout was due is ours; the user's own statement_timeout stays a SQL error.
      if (withTimeout && QUERY_CANCELED.equals(e.getSQLState()) && elapsedMillis >= timeoutSeconds * 1000L - 100) {
        throw new DataApiException(Type.STATEMENT_TIMEOUT, "Request timed out", e);
      }
      throw e;
    }
  }
}
