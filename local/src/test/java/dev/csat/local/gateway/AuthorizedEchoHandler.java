package dev.csat.local.gateway;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The function behind the stub authorizer: answers with the {@code requestContext.authorizer} it got, and counts its calls. */
public final class AuthorizedEchoHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
  static final AtomicInteger INVOCATIONS = new AtomicInteger();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
    INVOCATIONS.incrementAndGet();
    try {
      return new APIGatewayProxyResponseEvent()
          .withStatusCode(200)
          .withHeaders(Map.of("Content-Type", "application/json"))
          .withBody(JSON.writeValueAsString(event.getRequestContext().getAuthorizer()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
