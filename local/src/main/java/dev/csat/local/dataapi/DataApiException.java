package dev.csat.local.dataapi;

/** A failure answered with one of the service model's error shapes, which the SDK maps to its typed exception. */
final class DataApiException extends RuntimeException {
  /** The error shapes this endpoint answers with: the code the SDK matches on, and the model's HTTP status. */
  enum Type {
    BAD_REQUEST("BadRequestException", 400),
    DATABASE_ERROR("DatabaseErrorException", 400),
    STATEMENT_TIMEOUT("StatementTimeoutException", 400),
    UNKNOWN_OPERATION("UnknownOperationException", 404),
    INTERNAL_SERVER_ERROR("InternalServerErrorException", 500),
    SERVICE_UNAVAILABLE("ServiceUnavailableError", 503);

    final String code;
    final int status;

    Type(String code, int status) {
      this.code = code;
      this.status = status;
    }
  }

  private final Type type;

  DataApiException(Type type, String message) {
    this(type, message, null);
  }

  DataApiException(Type type, String message, Throwable cause) {
    super(message, cause);
    this.type = type;
  }

  static DataApiException badRequest(String message) {
    return new DataApiException(Type.BAD_REQUEST, message);
  }

  Type type() {
    return type;
  }
}
