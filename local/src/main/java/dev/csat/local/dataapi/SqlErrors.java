package dev.csat.local.dataapi;

import dev.csat.local.dataapi.DataApiException.Type;
import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Maps JDBC failures to the errors the real service answers with. Messages follow the service:
 * "ERROR: <server message>[\n  Detail: ...]; SQLState: <code>", and callers may match on the code.
 */
final class SqlErrors {
  // The real service reports a database named in the request that does not exist as a DatabaseErrorException.
  private static final String INVALID_CATALOG_NAME = "3D000";

  private SqlErrors() {}

  static DataApiException translate(SQLException e) {
    String message = message(e);
    if (INVALID_CATALOG_NAME.equals(e.getSQLState())) {
      return new DataApiException(Type.DATABASE_ERROR, message, e);
    }
    if (isConnectionFailure(e)) {
      return new DataApiException(Type.SERVICE_UNAVAILABLE, message, e);
    }
    return new DataApiException(Type.BAD_REQUEST, message, e);
  }

  /**
   * The database could not be reached or dropped the connection: SQLSTATE class 08, or 57P01-57P03
   * (the server is shutting down, crashed, or not yet accepting connections).
   */
  static boolean isConnectionFailure(SQLException e) {
    String state = e.getSQLState();
    return state != null && (state.startsWith("08") || state.startsWith("57P"));
  }

  private static String message(SQLException e) {
    StringBuilder message = new StringBuilder();
    ServerErrorMessage server = e instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
    if (server != null && server.getMessage() != null) {
      // The service always says ERROR, even for what PostgreSQL reports as FATAL (an unknown database).
      message.append("ERROR: ").append(server.getMessage());
      if (server.getDetail() != null) {
        message.append("\n  Detail: ").append(server.getDetail());
      }
    } else {
      message.append(e.getMessage());
    }
    if (e.getSQLState() != null) {
      message.append("; SQLState: ").append(e.getSQLState());
    }
    return message.toString();
  }
}
