package dev.csat.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reading handler responses in tests. */
public final class Responses {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Responses() {}

  /** Asserts the status (showing the body when it differs) and returns the JSON body. */
  public static JsonNode expect(int status, APIGatewayProxyResponseEvent response) {
    assertEquals(status, response.getStatusCode(), () -> "unexpected status, body: " + response.getBody());
    try {
      return MAPPER.readTree(response.getBody());
    } catch (Exception e) {
      throw new AssertionError("response body is not JSON: " + response.getBody(), e);
    }
  }

  /** Asserts an RFC 9457 problem with this status and code, and returns it. */
  public static JsonNode expectProblem(int status, String code, APIGatewayProxyResponseEvent response) {
    JsonNode problem = expect(status, response);
    assertEquals("application/problem+json", response.getHeaders().get("Content-Type"));
    assertEquals(code, problem.path("code").asText(), () -> "problem: " + problem);
    assertEquals(status, problem.path("status").asInt());
    assertEquals("https://csat.dev/problems/" + code, problem.path("type").asText());
    assertEquals(response.getHeaders().get("x-request-id"), problem.path("request_id").asText());
    return problem;
  }
}
