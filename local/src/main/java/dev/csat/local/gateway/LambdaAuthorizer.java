package dev.csat.local.gateway;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs a Lambda REQUEST authorizer the way API Gateway does: builds its event from the request,
 * invokes it, and reads its answer. "Unauthorized" thrown → 401; a policy that does not allow
 * this method ARN → 403; any other failure → 500; no {@code usageIdentifierKey} → 403, as on
 * every route of openapi.yaml, which all require a usage plan key; otherwise the policy's context
 * (plus {@code principalId}) becomes {@code requestContext.authorizer}. No result cache here: every
 * request is authorized afresh (API Gateway caches per credential for the configured TTL).
 */
final class LambdaAuthorizer implements AuthorizerContext {
  private static final String ACCOUNT = "000000000000";
  private static final String REGION = "us-east-1";
  private static final String API_ID = "local";

  private final String functionId;
  private final RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponseV1> handler;

  LambdaAuthorizer(String functionId, RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponseV1> handler) {
    this.functionId = functionId;
    this.handler = handler;
  }

  @Override
  public Authorization authorize(APIGatewayProxyRequestEvent request, Route route) {
    String methodArn = "arn:aws:execute-api:" + REGION + ":" + ACCOUNT + ":" + API_ID + "/"
        + request.getRequestContext().getStage() + "/" + request.getHttpMethod() + request.getPath();
    var event = APIGatewayCustomAuthorizerEvent.builder()
        .withType("REQUEST")
        .withMethodArn(methodArn)
        .withResource(request.getResource())
        .withPath(request.getPath())
        .withHttpMethod(request.getHttpMethod())
        .withHeaders(request.getHeaders())
        .withQueryStringParameters(request.getQueryStringParameters())
        .withPathParameters(request.getPathParameters())
        .build();
    IamPolicyResponseV1 policy;
    try {
      policy = handler.handleRequest(event,
          LocalContext.of(request.getRequestContext().getRequestId(), functionId, LocalContext.API_GATEWAY_TIMEOUT));
    } catch (RuntimeException e) {
      if ("Unauthorized".equals(e.getMessage())) {
        throw new Rejection(401);
      }
      throw new Rejection(500);
    }
    if (policy == null || policy.getPolicyDocument() == null) {
      throw new Rejection(500); // what API Gateway makes of an invalid authorizer response
    }
    if (!allows(policy, methodArn) || policy.getUsageIdentifierKey() == null) {
      throw new Rejection(403);
    }
    Map<String, Object> context = new HashMap<>(policy.getContext() == null ? Map.of() : policy.getContext());
    context.put("principalId", policy.getPrincipalId());
    return new Authorization(context, policy.getUsageIdentifierKey());
  }

  /** IAM evaluation, reduced to what an authorizer policy uses: any Deny wins, else some Allow. */
  @SuppressWarnings("unchecked")
  private static boolean allows(IamPolicyResponseV1 policy, String methodArn) {
    boolean allowed = false;
    // The policy document renders its statements as an array of maps, and resources as an array.
    for (Object item : items(policy.getPolicyDocument().get("Statement"))) {
      Map<String, Object> statement = (Map<String, Object>) item;
      boolean matches = items(statement.get("Resource")).stream()
          .anyMatch(pattern -> matches(String.valueOf(pattern), methodArn));
      if (matches && "Deny".equals(statement.get("Effect"))) {
        return false;
      }
      allowed |= matches && "Allow".equals(statement.get("Effect"));
    }
    return allowed;
  }

  private static List<?> items(Object value) {
    if (value instanceof Object[] array) {
      return List.of(array);
    }
    return value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
  }

  private static boolean matches(String pattern, String arn) {
    String regex = String.join(".*", java.util.Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote).toList());
    return arn.matches(regex);
  }

  /** The gateway answers the request itself with this status; the function never runs. */
  static final class Rejection extends RuntimeException {
    private final int status;

    Rejection(int status) {
      super("authorizer answered " + status, null, false, false);
      this.status = status;
    }

    int status() {
      return status;
    }
  }
}
