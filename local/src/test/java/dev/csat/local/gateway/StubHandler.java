package dev.csat.local.gateway;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Every function of gateway-template.yaml: answers with what it received, by route. */
public final class StubHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
  static final AtomicInteger CREATED = new AtomicInteger();
  static final byte[] BINARY = {0, 1, 2, (byte) 0xff, (byte) 0xfe};
  private static final ObjectMapper JSON = new ObjectMapper();

  public StubHandler() {
    CREATED.incrementAndGet();
  }

  @Override
  public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
    return switch (event.getResource()) {
      case "/stub/fail" -> throw new IllegalStateException("the stub fails on purpose");
      case "/stub/binary" -> new APIGatewayProxyResponseEvent()
          .withStatusCode(200)
          .withHeaders(Map.of("Content-Type", "application/octet-stream", "X-Single", "one"))
          .withMultiValueHeaders(Map.of("X-Multi", List.of("a", "b")))
          .withIsBase64Encoded(true)
          .withBody(Base64.getEncoder().encodeToString(BINARY));
      default -> new APIGatewayProxyResponseEvent()
          .withStatusCode(200)
          .withHeaders(Map.of("Content-Type", "application/json"))
          .withBody(echo(event, context));
    };
  }

  private static String echo(APIGatewayProxyRequestEvent event, Context context) {
    Map<String, Object> echo = new LinkedHashMap<>();
    echo.put("function", context.getFunctionName());
    echo.put("request_id", context.getAwsRequestId());
    echo.put("remaining_ms", context.getRemainingTimeInMillis());
    echo.put("resource", event.getResource());
    echo.put("path", event.getPath());
    echo.put("method", event.getHttpMethod());
    echo.put("path_parameters", event.getPathParameters());
    echo.put("query", event.getMultiValueQueryStringParameters());
    echo.put("tenant", event.getRequestContext().getAuthorizer().get("tenant"));
    echo.put("event_request_id", event.getRequestContext().getRequestId());
    echo.put("stage", event.getRequestContext().getStage());
    echo.put("body", event.getBody());
    echo.put("base64", event.getIsBase64Encoded());
    try {
      return JSON.writeValueAsString(echo);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
