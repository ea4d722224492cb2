package dev.csat.local.dataapi;

import dev.csat.local.dataapi.DataApiException.Type;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Open Data API transactions, each holding one pooled connection until it ends. Like the service,
 * a transaction ends on commit, on rollback, on any failed statement (rolled back), and when no
 * call has used it for the idle timeout (rolled back); its id is then "not found", with the cause.
 */
final class Transactions implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String COMMITTED = "One previous call resulted in a termination of your transaction";
  private static final String ABORTED = "Transaction has been aborted due to an error from a previous call";
  private static final String EXPIRED = "Transaction may be expired";

  private final Map<String, Transaction> open = new ConcurrentHashMap<>();
  // Why recently ended transactions ended, to explain a later "not found"; forgotten after a while.
  private final Map<String, Ended> ended = new ConcurrentHashMap<>();
  private final Duration idleTimeout;
  private final ScheduledExecutorService reaper;

  private static final class Transaction {
    final Connection connection;
    final ConnectionPool pool;
    final ReentrantLock lock = new ReentrantLock();
    volatile long lastUsedNanos = System.nanoTime();

    Transaction(Connection connection, ConnectionPool pool) {
      this.connection = connection;
      this.pool = pool;
    }
  }

  private record Ended(String reason, long atNanos) {}

  Transactions(Duration idleTimeout) {
    this.idleTimeout = idleTimeout;
    this.reaper = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "local-data-api-transaction-reaper");
      thread.setDaemon(true);
      return thread;
    });
    long periodMillis = Math.clamp(idleTimeout.toMillis() / 4, 50, 10_000);
    reaper.scheduleWithFixedDelay(this::expireIdle, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  String begin(ConnectionPool pool) throws SQLException {
    Connection connection = pool.acquire();
    try {
      connection.setAutoCommit(false);
    } catch (SQLException e) {
      pool.release(connection);
      throw e;
    }
    byte[] random = new byte[48];
    RANDOM.nextBytes(random);
    String id = Base64.getEncoder().encodeToString(random);
    open.put(id, new Transaction(connection, pool));
    return id;
  }

  /** Runs work on the transaction's connection; if the work fails, the transaction is rolled back and ends. */
  <T> T run(String id, SqlWork<T> work) {
    Transaction transaction = lock(id);
    try {
      return work.apply(transaction.connection);
    } catch (SQLException e) {
      end(id, transaction, ABORTED);
      throw SqlErrors.translate(e);
    } catch (RuntimeException e) {
      end(id, transaction, ABORTED);
      throw e;
    } finally {
      transaction.lastUsedNanos = System.nanoTime();
      transaction.lock.unlock();
    }
  }

  void commit(String id) {
    finish(id, true);
  }

  void rollback(String id) {
    finish(id, false);
  }

  private void finish(String id, boolean commit) {
    Transaction transaction = lock(id);
    try {
      if (commit) {
        transaction.connection.commit();
      }
    } catch (SQLException e) {
      throw SqlErrors.translate(e);
    } finally {
      end(id, transaction, COMMITTED);
      transaction.lock.unlock();
    }
  }

  // Calls on one transaction run one at a time; the service refuses a call while another is running.
  private Transaction lock(String id) {
    Transaction transaction = open.get(id);
    if (transaction == null) {
      throw notFound(id);
    }
    if (!transaction.lock.tryLock()) {
      throw new DataApiException(Type.DATABASE_ERROR, "Transaction is still running a query");
    }
    if (open.get(id) != transaction) { // ended while we were getting the lock
      transaction.lock.unlock();
      throw notFound(id);
    }
    return transaction;
  }

  private DataApiException notFound(String id) {
    Ended why = ended.get(id);
    return DataApiException.badRequest("Transaction " + id + " is not found" + (why == null ? "" : ": " + why.reason));
  }

  // Ends the transaction (the caller holds its lock) and returns its connection, which rolls back what was not committed.
  private void end(String id, Transaction transaction, String reason) {
    open.remove(id);
    ended.put(id, new Ended(reason, System.nanoTime()));
    transaction.pool.release(transaction.connection);
  }

  private void expireIdle() {
    long now = System.nanoTime();
    open.forEach((id, transaction) -> {
      if (now - transaction.lastUsedNanos > idleTimeout.toNanos() && transaction.lock.tryLock()) {
        try {
          if (open.get(id) == transaction) {
            end(id, transaction, EXPIRED);
          }
        } finally {
          transaction.lock.unlock();
        }
      }
    });
    long forgetBefore = now - Math.max(idleTimeout.toNanos() * 10, TimeUnit.HOURS.toNanos(1));
    ended.values().removeIf(end -> end.atNanos < forgetBefore);
  }

  /** Rolls back every open transaction and stops the reaper. */
  @Override
  public void close() {
    reaper.shutdownNow();
    open.forEach((id, transaction) -> {
      transaction.lock.lock();
      try {
        end(id, transaction, EXPIRED);
      } finally {
        transaction.lock.unlock();
      }
    });
  }
}
