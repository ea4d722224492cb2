package dev.csat.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.csat.auth.Caller;
import dev.csat.core.UnauthorizedException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the caller from {@code requestContext.authorizer}, which API Gateway fills from the
 * Lambda authorizer's context ({@code tenant}, {@code principal}, space-separated {@code scopes},
 * optional {@code email}). Fails closed: a request without it never runs as anybody.
 */
final class AuthorizerContext {
  private AuthorizerContext() {}

  static Caller caller(APIGatewayProxyRequestEvent event) {
    var context = event.getRequestContext();
    Map<String, Object> authorizer = context == null ? null : context.getAuthorizer();
    String tenant = text(authorizer, "tenant");
    if (tenant == null) {
      throw new UnauthorizedException("a valid credential is required");
    }
    String principal = text(authorizer, "principal");
    String scopes = text(authorizer, "scopes");
    return new Caller(tenant, principal == null ? "unknown" : principal, split(scopes), text(authorizer, "email"));
  }

  private static String text(Map<String, Object> authorizer, String key) {
    Object value = authorizer == null ? null : authorizer.get(key);
    return value instanceof String text && !text.isBlank() ? text : null;
  }

  private static Set<String> split(String scopes) {
    return scopes == null ? Set.of() : Arrays.stream(scopes.split(" ")).filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }
}
