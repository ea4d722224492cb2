package dev.csat.local.dataapi;

import dev.csat.local.dataapi.DataApiException.Type;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * A small bounded pool of connections to one database: at most {@link #MAX_CONNECTIONS} are lent
 * at once, and a borrower waits up to {@link #ACQUIRE_TIMEOUT_SECONDS} for one. Connections are
 * opened on demand, reused while healthy, and dropped when broken.
 */
final class ConnectionPool implements AutoCloseable {
  static final int MAX_CONNECTIONS = 10;
  private static final long ACQUIRE_TIMEOUT_SECONDS = 30;

  private final String database;
  private final DataSource dataSource;
  private final Semaphore permits = new Semaphore(MAX_CONNECTIONS, true);
  private final Deque<Connection> idle = new ArrayDeque<>();
  private boolean closed;

  ConnectionPool(String database, DataSource dataSource) {
    this.database = database;
    this.dataSource = dataSource;
  }

  Connection acquire() throws SQLException {
    try {
      if (!permits.tryAcquire(ACQUIRE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new DataApiException(Type.SERVICE_UNAVAILABLE,
            "All " + MAX_CONNECTIONS + " connections to database " + database + " stayed busy for "
                + ACQUIRE_TIMEOUT_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DataApiException(Type.INTERNAL_SERVER_ERROR, "interrupted while waiting for a connection", e);
    }
    try {
      Connection pooled;
      synchronized (this) {
        if (closed) {
          throw new DataApiException(Type.SERVICE_UNAVAILABLE, "the local Data API is shutting down");
        }
        pooled = idle.pollFirst();
      }
      return pooled != null ? pooled : dataSource.getConnection();
    } catch (SQLException | RuntimeException e) {
      permits.release();
      throw e;
    }
  }

  /** Takes a lent connection back: rolls back what it left open, and drops it if it is broken. */
  void release(Connection connection) {
    boolean reusable = resetForReuse(connection);
    synchronized (this) {
      if (reusable && !closed) {
        idle.addFirst(connection);
        connection = null;
      }
    }
    if (connection != null) {
      closeQuietly(connection);
    }
    permits.release();
  }

  private static boolean resetForReuse(Connection connection) {
    try {
      if (connection.isClosed()) {
        return false;
      }
      if (!connection.getAutoCommit()) {
        connection.rollback();
        connection.setAutoCommit(true);
      }
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    idle.forEach(ConnectionPool::closeQuietly);
    idle.clear();
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // already unusable; nothing more to release
    }
  }
}
