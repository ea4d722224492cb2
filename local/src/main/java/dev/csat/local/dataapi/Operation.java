package dev.csat.local.dataapi;

import java.util.Arrays;
import java.util.Optional;

/** The Data API operations served, each with the path the restJson1 protocol POSTs it to. */
enum Operation {
  EXECUTE_STATEMENT("ExecuteStatement", "/Execute"),
  BATCH_EXECUTE_STATEMENT("BatchExecuteStatement", "/BatchExecute"),
  BEGIN_TRANSACTION("BeginTransaction", "/BeginTransaction"),
  COMMIT_TRANSACTION("CommitTransaction", "/CommitTransaction"),
  ROLLBACK_TRANSACTION("RollbackTransaction", "/RollbackTransaction");

  private final String operationName;
  private final String path;

  Operation(String operationName, String path) {
    this.operationName = operationName;
    this.path = path;
  }

  static Optional<Operation> forPath(String path) {
    return Arrays.stream(values()).filter(operation -> operation.path.equals(path)).findFirst();
  }

  /** The operation with this service-model name, e.g. "ExecuteStatement". */
  static Operation named(String operationName) {
    return Arrays.stream(values())
        .filter(operation -> operation.operationName.equals(operationName))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no Data API operation named " + operationName));
  }
}
