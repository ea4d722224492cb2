package dev.csat.local.gateway;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A Lambda REQUEST authorizer for {@link LambdaAuthorizerTest}: answers as the request's
 * {@value #ANSWER} header says, and keeps the last event it was given.
 */
public final class StubAuthorizer implements RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponseV1> {
  static final String ANSWER = "X-Stub-Answer";
  static final String PRINCIPAL = "stub-principal";
  static final AtomicReference<APIGatewayCustomAuthorizerEvent> LAST_EVENT = new AtomicReference<>();

  @Override
  public IamPolicyResponseV1 handleRequest(APIGatewayCustomAuthorizerEvent event, Context context) {
    LAST_EVENT.set(event);
    String methodArn = event.getMethodArn();
    String anyRouteOfStage = methodArn.substring(0, methodArn.indexOf('/', methodArn.indexOf('/') + 1)) + "/*/*";
    return switch (String.valueOf(header(event.getHeaders(), ANSWER))) {
      case "allow" -> policy(List.of(IamPolicyResponseV1.allowStatement(anyRouteOfStage)));
      case "allow-this-method" -> policy(List.of(IamPolicyResponseV1.allowStatement(methodArn)));
      case "unauthorized" -> throw new RuntimeException("Unauthorized");
      case "fail" -> throw new IllegalStateException("the stub authorizer fails on purpose");
      case "deny" -> policy(List.of(IamPolicyResponseV1.denyStatement(methodArn)));
      case "deny-wins" -> policy(List.of(IamPolicyResponseV1.allowStatement(anyRouteOfStage),
          IamPolicyResponseV1.denyStatement(methodArn)));
      case "elsewhere" -> policy(List.of(IamPolicyResponseV1.allowStatement(
          methodArn.substring(0, methodArn.lastIndexOf(':') + 1) + "another-api/*/*/*")));
      default -> throw new IllegalArgumentException("no " + ANSWER + " header");
    };
  }

  private static IamPolicyResponseV1 policy(List<IamPolicyResponseV1.Statement> statements) {
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("tenant", "stub-tenant");
    context.put("principal", PRINCIPAL);
    context.put("scopes", "config:read feedback:read");
    context.put("email", "user@example.com");
    return IamPolicyResponseV1.builder()
        .withPrincipalId(PRINCIPAL)
        .withPolicyDocument(IamPolicyResponseV1.PolicyDocument.builder()
            .withVersion(IamPolicyResponseV1.VERSION_2012_10_17)
            .withStatement(statements)
            .build())
        .withContext(context)
        .withUsageIdentifierKey("csatcallersstub000000000000000000")
        .build();
  }

  static String header(Map<String, String> headers, String name) {
    if (headers == null) {
      return null;
    }
    return headers.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue).findFirst().orElse(null);
  }
}
