package dev.csat.local.dataapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csat.local.dataapi.FieldEncoder.Kind;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.Map;

/**
 * Puts a statement's rows into a response: as records (lists of Fields), or for
 * formatRecordsAs=JSON as formattedRecords, a JSON string of objects keyed by column label.
 * Refuses results over the response limit, as the service does, while reading them.
 */
final class ResultSetEncoder {
  private final ExecuteOptions options;
  private final FieldEncoder fields;
  private final int maxResponseBytes;

  ResultSetEncoder(ExecuteOptions options, int maxResponseBytes) {
    this.options = options;
    this.fields = new FieldEncoder(options);
    this.maxResponseBytes = maxResponseBytes;
  }

  void write(ResultSet rows, ObjectNode response) throws SQLException {
    Kind[] kinds = FieldEncoder.kinds(rows);
    ArrayNode records = Json.NODES.arrayNode();
    long size = 0;
    while (rows.next()) {
      ArrayNode record = record(rows, kinds);
      size += Json.bytes(record).length + 1;
      if (size > maxResponseBytes) {
        throw DataApiException.badRequest("Database returned more than the allowed response size limit");
      }
      records.add(record);
    }
    if (options.formatJson()) {
      response.put("formattedRecords", Json.text(formatted(records, rows.getMetaData())));
    } else {
      response.set("records", records);
      if (options.includeMetadata()) {
        response.set("columnMetadata", ColumnMetadata.describe(rows));
      }
    }
  }

  /** The first row's Fields, which BatchExecuteStatement reports as generatedFields (RETURNING values). */
  ArrayNode firstRecord(ResultSet rows) throws SQLException {
    Kind[] kinds = FieldEncoder.kinds(rows);
    return rows.next() ? record(rows, kinds) : Json.NODES.arrayNode();
  }

  private ArrayNode record(ResultSet rows, Kind[] kinds) throws SQLException {
    ArrayNode record = Json.NODES.arrayNode(kinds.length - 1);
    for (int column = 1; column < kinds.length; column++) {
      record.add(fields.field(rows, column, kinds[column]));
    }
    return record;
  }

  private static ArrayNode formatted(ArrayNode records, ResultSetMetaData metadata) throws SQLException {
    ArrayNode objects = Json.NODES.arrayNode(records.size());
    for (JsonNode record : records) {
      ObjectNode object = objects.addObject();
      for (int column = 1; column <= metadata.getColumnCount(); column++) {
        object.set(metadata.getColumnLabel(column), plain(record.get(column - 1)));
      }
    }
    return objects;
  }

  // A Field as a plain JSON value: numbers, booleans, strings (blobs in base64), null, arrays.
  private static JsonNode plain(JsonNode field) {
    Map.Entry<String, JsonNode> member = field.properties().iterator().next();
    return switch (member.getKey()) {
      case "isNull" -> Json.NODES.nullNode();
      case "arrayValue" -> plainArray(member.getValue());
      default -> member.getValue();
    };
  }

  private static JsonNode plainArray(JsonNode arrayValue) {
    Map.Entry<String, JsonNode> list = arrayValue.properties().iterator().next();
    if (!"arrayValues".equals(list.getKey())) {
      return list.getValue();
    }
    ArrayNode nested = Json.NODES.arrayNode();
    for (Iterator<JsonNode> inner = list.getValue().elements(); inner.hasNext(); ) {
      JsonNode next = inner.next();
      nested.add(next.isNull() ? next : plainArray(next));
    }
    return nested;
  }
}
