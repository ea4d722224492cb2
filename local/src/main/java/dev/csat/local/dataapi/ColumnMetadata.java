package dev.csat.local.dataapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TypeInfo;
import org.postgresql.jdbc.PgResultSet;

/** The columnMetadata of a result: the JDBC driver's description of each column, as the service reports it. */
final class ColumnMetadata {
  private ColumnMetadata() {}

  static ArrayNode describe(ResultSet rows) throws SQLException {
    ResultSetMetaData metadata = rows.getMetaData();
    PgResultSet postgres = rows.unwrap(PgResultSet.class);
    TypeInfo types = rows.getStatement().getConnection().unwrap(BaseConnection.class).getTypeInfo();
    ArrayNode columns = Json.NODES.arrayNode();
    for (int column = 1; column <= metadata.getColumnCount(); column++) {
      int type = metadata.getColumnType(column);
      int arrayBaseType = type == Types.ARRAY
          ? types.getSQLType(types.getPGArrayElement(postgres.getColumnOID(column)))
          : 0;
      columns.addObject()
          .put("name", metadata.getColumnName(column))
          .put("type", type)
          .put("typeName", metadata.getColumnTypeName(column))
          .put("label", metadata.getColumnLabel(column))
          .put("schemaName", metadata.getSchemaName(column))
          .put("tableName", metadata.getTableName(column))
          .put("isAutoIncrement", metadata.isAutoIncrement(column))
          .put("isSigned", metadata.isSigned(column))
          .put("isCurrency", metadata.isCurrency(column))
          .put("isCaseSensitive", metadata.isCaseSensitive(column))
          .put("nullable", metadata.isNullable(column))
          .put("precision", metadata.getPrecision(column))
          .put("scale", metadata.getScale(column))
          .put("arrayBaseColumnType", arrayBaseType);
    }
    return columns;
  }
}
