package dev.csat.local.dataapi;

/**
 * How an ExecuteStatement call wants its result: with columnMetadata, as one JSON string
 * (formatRecordsAs=JSON), without the statement timeout, and with the resultSetOptions conversions
 * (decimalReturnType=DOUBLE_OR_LONG, longReturnType=STRING).
 */
record ExecuteOptions(
    boolean includeMetadata,
    boolean formatJson,
    boolean continueAfterTimeout,
    boolean decimalAsNumber,
    boolean longAsString) {

  /** What BatchExecuteStatement uses: it has none of these options. */
  static final ExecuteOptions DEFAULTS = new ExecuteOptions(false, false, false, false, false);
}
