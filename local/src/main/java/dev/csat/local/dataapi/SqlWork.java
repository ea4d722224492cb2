package dev.csat.local.dataapi;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on one JDBC connection, lent either by a pool or by an open transaction. */
@FunctionalInterface
interface SqlWork<T> {
  T apply(Connection connection) throws SQLException;
}
