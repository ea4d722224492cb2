package dev.csat.local.gateway;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where {@code requestContext.authorizer} comes from: the seam at which API Gateway runs its
 * authorizer before the function. It sees the fully built event (headers, path, method, route),
 * as a Lambda REQUEST authorizer would. The context keys are the ones our authorizer returns:
 * {@code tenant}, {@code principal}, space-separated {@code scopes}, optional {@code email}.
 */
@FunctionalInterface
public interface AuthorizerContext {

  /**
   * What the authorizer said about a request it allows.
   *
   * @param context what the function receives as {@code requestContext.authorizer}
   * @param usageKey the usage plan key that meters the request; null when nothing is metered
   */
  record Authorization(Map<String, Object> context, String usageKey) {}

  Authorization authorize(APIGatewayProxyRequestEvent event, Route route);

  /**
   * The Lambda authorizer of the template, run in process before every function, as API
   * Gateway runs it.
   */
  @SuppressWarnings("unchecked")
  static AuthorizerContext lambda(FunctionInstances functions, String functionId, String handlerClass) {
    var handler = functions.handler(functionId, handlerClass);
    return new LambdaAuthorizer(functionId,
        (RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponseV1>) (RequestHandler<?, ?>) handler);
  }

  /** Every caller acts for {@code tenant} with {@code scopes}, no credential checked, nothing metered (tests). */
  static AuthorizerContext trusted(String tenant, Set<String> scopes) {
    return (event, route) -> {
      Map<String, Object> context = new LinkedHashMap<>();
      context.put("principalId", "trusted");
      context.put("principal", "trusted");
      context.put("tenant", tenant);
      context.put("scopes", String.join(" ", new TreeSet<>(scopes)));
      return new Authorization(context, null);
    };
  }
}
