package dev.csat.auth;

import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The authorizer's answer for a valid credential, in API Gateway's shape: Allow on every method
 * and path of the stage, the caller in the context that handlers read back from
 * {@code requestContext.authorizer}, and the usage plan key that meters the request
 * ({@code usageIdentifierKey}, read because the API's key source is {@code AUTHORIZER}).
 *
 * <p>The whole stage, not the one method ARN asked about: API Gateway caches the policy per
 * credential and reuses it for the credential's next calls, whatever their route. A policy naming
 * one route would deny the others until the cache expires. Which operations a caller may use is
 * decided by the handlers, from the scopes in the context.
 */
public final class AllowPolicy {
  private AllowPolicy() {}

  /** Context keys: {@code tenant}, {@code principal}, {@code scopes} (space-separated), and {@code email} when present. */
  public static IamPolicyResponseV1 of(Caller caller, String methodArn, String usageKey) {
    // API Gateway accepts only strings, numbers and booleans as context values.
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("tenant", caller.tenant());
    context.put("principal", caller.principal());
    context.put("scopes", String.join(" ", new TreeSet<>(caller.scopes())));
    if (caller.email() != null) {
      context.put("email", caller.email());
    }
    var statement = IamPolicyResponseV1.allowStatement(anyRouteOfStage(methodArn));
    return IamPolicyResponseV1.builder()
        .withPrincipalId(caller.principal())
        .withPolicyDocument(IamPolicyResponseV1.PolicyDocument.builder()
            .withVersion(IamPolicyResponseV1.VERSION_2012_10_17)
            .withStatement(List.of(statement))
            .build())
        .withContext(context)
        .withUsageIdentifierKey(usageKey)
        .build();
  }

  /**
   * {@code arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{method}/{path}} becomes
   * {@code arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/*}{@code /*}.
   */
  static String anyRouteOfStage(String methodArn) {
    String[] arn = methodArn == null ? new String[0] : methodArn.split(":", 6);
    String[] resource = arn.length == 6 ? arn[5].split("/", 3) : new String[0];
    if (!"execute-api".equals(arn.length == 6 ? arn[2] : null) || resource.length != 3
        || resource[0].isEmpty() || resource[1].isEmpty()) {
      // Not the caller's fault: API Gateway always sends one. A 500, not a 401.
      throw new IllegalArgumentException("not an execute-api method ARN: " + methodArn);
    }
    return String.join(":", arn[0], arn[1], arn[2], arn[3], arn[4], resource[0] + "/" + resource[1] + "/*/*");
  }
}
