package dev.csat.local.dataapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.csat.local.dataapi.DataApiException.Type;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.UUID;

/**
 * The HTTP side of the restJson1 protocol: routes POST /Execute and friends to the service, and
 * answers errors the way the SDK reads them: the error code in the x-amzn-ErrorType header (and
 * "__type" in the body, for other clients), the text in the body's "message".
 */
final class DataApiHttpHandler implements HttpHandler {
  private static final System.Logger LOG = System.getLogger(DataApiHttpHandler.class.getName());

  private final DataApiService service;
  private final CallCounters counters;

  DataApiHttpHandler(DataApiService service, CallCounters counters) {
    this.service = service;
    this.counters = counters;
  }

  @Override
  public void handle(HttpExchange exchange) {
    try (exchange) {
      String requestId = UUID.randomUUID().toString();
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
      int status = 200;
      byte[] body;
      try {
        body = Json.bytes(serve(exchange));
      } catch (DataApiException e) {
        status = e.type().status;
        body = error(exchange, e.type(), e.getMessage());
      } catch (RuntimeException | IOException e) {
        LOG.log(System.Logger.Level.ERROR, "local Data API request " + requestId + " failed", e);
        status = Type.INTERNAL_SERVER_ERROR.status;
        body = error(exchange, Type.INTERNAL_SERVER_ERROR, "An internal error occurred: " + e);
      }
      exchange.sendResponseHeaders(status, body.length);
      exchange.getResponseBody().write(body);
    } catch (IOException clientGone) {
      // the caller hung up before reading the answer; nothing to clean up
    }
  }

  private JsonNode serve(HttpExchange exchange) throws IOException {
    byte[] request = exchange.getRequestBody().readAllBytes();
    Optional<Operation> operation = Operation.forPath(exchange.getRequestURI().getPath())
        .filter(any -> "POST".equals(exchange.getRequestMethod()));
    if (operation.isEmpty()) {
      throw new DataApiException(Type.UNKNOWN_OPERATION,
          "No Data API operation at " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
    }
    counters.increment(operation.get());
    StatementRunner.takeDatabaseNanos(); // start from zero on this worker thread
    try {
      return service.handle(operation.get(), parse(request));
    } finally {
      counters.addDatabaseNanos(StatementRunner.takeDatabaseNanos());
    }
  }

  private static JsonNode parse(byte[] request) {
    try {
      return request.length == 0 ? Json.NODES.objectNode() : Json.MAPPER.readTree(request);
    } catch (JsonProcessingException e) {
      throw DataApiException.badRequest("The request body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] error(HttpExchange exchange, Type type, String message) {
    exchange.getResponseHeaders().set("x-amzn-ErrorType", type.code);
    return Json.bytes(Json.NODES.objectNode().put("__type", type.code).put("message", message));
  }
}
