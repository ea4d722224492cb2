package dev.csat.apikeys;

import dev.csat.core.UnavailableException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.ServiceUnavailableException;
import software.amazon.awssdk.services.apigateway.model.TooManyRequestsException;
import software.amazon.awssdk.services.apigateway.model.UsagePlan;

/**
 * {@link UsagePlanKeys} on API Gateway: for each API key, a gateway key with the derived value,
 * tagged with the stack's name and added to the usage plan for API keys; deleted on revocation.
 * The functions' IAM policy allows deleting only keys carrying that tag.
 *
 * <p>The plan is found by its name, once per execution environment: the template cannot hand
 * the functions its id, because the plan depends on the API's stage, and the API on the functions.
 * The client is built on first use, so functions that never touch keys never build it.
 */
public final class ApiGatewayUsagePlanKeys implements UsagePlanKeys {
  /** The tag naming the stack a gateway key belongs to. */
  public static final String STACK_TAG = "csat:stack";
  // API Gateway's control plane allows few requests per second per account (CreateApiKey: 5).
  private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  private final Supplier<ApiGatewayClient> clients;
  private final String planName;
  private final String stackName;
  private ApiGatewayClient client;
  private String planId;

  public ApiGatewayUsagePlanKeys(Supplier<ApiGatewayClient> clients, String planName, String stackName) {
    this.clients = clients;
    this.planName = planName;
    this.stackName = stackName;
  }

  @Override
  public String add(UUID apiKeyId) {
    String plan = planId();
    String keyId = answered(() -> client().createApiKey(request -> request
        .name("csat-" + stackName + "-" + apiKeyId)
        .description("Meters API key " + apiKeyId + " of stack " + stackName)
        .value(UsagePlanKeys.valueFor(apiKeyId))
        .enabled(true)
        .tags(Map.of(STACK_TAG, stackName))).id());
    try {
      answered(() -> client().createUsagePlanKey(request -> request.usagePlanId(plan).keyId(keyId).keyType("API_KEY")));
    } catch (RuntimeException e) {
      try {
        remove(keyId);
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    return keyId;
  }

  @Override
  public void remove(String usageKeyId) {
    try {
      answered(() -> client().deleteApiKey(request -> request.apiKey(usageKeyId)));
    } catch (NotFoundException alreadyGone) {
      // Deleted by an earlier attempt: nothing left to do.
    }
  }

  private synchronized ApiGatewayClient client() {
    if (client == null) {
      client = clients.get();
    }
    return client;
  }

  private synchronized String planId() {
    if (planId == null) {
      planId = answered(() -> client().getUsagePlansPaginator(request -> request.limit(500)).items().stream()
          .filter(plan -> planName.equals(plan.name()))
          .map(UsagePlan::id)
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no usage plan named '" + planName + "'")));
    }
    return planId;
  }

  /** The call's result; API Gateway busy or out of reach is a 503 the caller may retry. */
  private static <T> T answered(Supplier<T> call) {
    try {
      return call.get();
    } catch (TooManyRequestsException | ServiceUnavailableException | SdkClientException e) {
      throw new UnavailableException("API Gateway did not accept the change now; try again shortly", RETRY_AFTER, e);
    }
  }
}
