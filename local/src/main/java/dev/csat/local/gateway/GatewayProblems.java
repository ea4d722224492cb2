package dev.csat.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.csat.http.Json;
import dev.csat.http.Problem;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The gateway's own error responses, shaped like the functions' problems and like the gateway
 * responses {@code openapi.yaml} configures in AWS.
 */
final class GatewayProblems {
  private static final Json JSON = new Json();

  private GatewayProblems() {}

  static APIGatewayProxyResponseEvent notFound(String path, String requestId) {
    return problem(404, "Not Found", "not_found", "No operation matches this method and path.", path, requestId);
  }

  static APIGatewayProxyResponseEvent methodNotAllowed(String method, String path, Iterable<String> allowed, String requestId) {
    var response = problem(405, "Method Not Allowed", "bad_request",
        "This path does not accept " + method + "; it accepts " + String.join(", ", allowed) + ".", path, requestId);
    response.getHeaders().put("Allow", String.join(", ", allowed));
    return response;
  }

  static APIGatewayProxyResponseEvent contentTooLarge(String path, long limit, String requestId) {
    return problem(413, "Content Too Large", "content_too_large",
        "The request body is larger than " + limit + " bytes.", path, requestId);
  }

  /** What the authorizer's refusal turns into, as API Gateway's gateway responses configure it. */
  static APIGatewayProxyResponseEvent authorizerRejected(int status, String path, String requestId) {
    return switch (status) {
      case 401 -> problem(401, "Unauthorized", "unauthorized", "A valid credential is required.", path, requestId);
      case 403 -> problem(403, "Forbidden", "forbidden", "This credential may not call this operation.", path, requestId);
      default -> problem(500, "Internal Server Error", "internal",
          "The authorizer failed; quote the request id when reporting it.", path, requestId);
    };
  }

  /**
   * A usage plan's refusal, as the THROTTLED and QUOTA_EXCEEDED gateway responses answer it: 429
   * with {@code Retry-After} 1 (the bucket refills every second) or 60 (the quota is for the day).
   */
  static APIGatewayProxyResponseEvent tooManyRequests(boolean quotaExceeded, String path, String requestId) {
    var response = problem(429, "Too Many Requests", "rate_limited",
        quotaExceeded ? "Limit Exceeded" : "Too Many Requests", path, requestId);
    response.getHeaders().put("Retry-After", quotaExceeded ? "60" : "1");
    return response;
  }

  static APIGatewayProxyResponseEvent badGateway(String path, String requestId) {
    return problem(502, "Bad Gateway", "internal",
        "The function failed; quote the request id when reporting it.", path, requestId);
  }

  private static APIGatewayProxyResponseEvent problem(
      int status, String title, String code, String detail, String path, String requestId) {
    var problem = new Problem(Problem.TYPE_PREFIX + code, title, status, detail, path, code, requestId, null);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/problem+json");
    headers.put("Cache-Control", "no-store");
    headers.put("x-request-id", requestId);
    return new APIGatewayProxyResponseEvent().withStatusCode(status).withHeaders(headers).withBody(JSON.write(problem));
  }
}
