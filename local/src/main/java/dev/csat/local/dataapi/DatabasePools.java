package dev.csat.local.dataapi;

import dev.csat.local.db.EmbeddedDatabase;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.postgresql.ds.common.BaseDataSource;

/** One connection pool per database a request names, created on first use. */
final class DatabasePools implements AutoCloseable {
  private final EmbeddedDatabase server;
  private final Map<String, ConnectionPool> pools = new ConcurrentHashMap<>();

  DatabasePools(EmbeddedDatabase server) {
    this.server = server;
  }

  ConnectionPool pool(String database) {
    return pools.computeIfAbsent(database, name -> new ConnectionPool(name, textResults(server.dataSource(name))));
  }

  // With binary transfer (used for statements run often) the driver would render timestamps itself,
  // in the JVM's zone; text results keep every value exactly as PostgreSQL formats it.
  private static DataSource textResults(DataSource dataSource) {
    try {
      dataSource.unwrap(BaseDataSource.class).setBinaryTransfer(false);
      return dataSource;
    } catch (SQLException e) {
      throw new IllegalStateException("the database's DataSource is not the PostgreSQL driver's", e);
    }
  }

  @Override
  public void close() {
    pools.values().forEach(ConnectionPool::close);
  }
}
