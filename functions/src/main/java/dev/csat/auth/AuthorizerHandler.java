package dev.csat.auth;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import dev.csat.App;
import dev.csat.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The Lambda REQUEST authorizer in front of every non-public route: finds the one credential in
 * the headers, verifies it (a JWT here, an API key through {@link ApiKeyVerifier}), and answers
 * with {@link AllowPolicy} carrying the caller, or 401.
 *
 * <p>Every answer names a usage plan key, which API Gateway requires on every route: an API key's
 * own meter (its plan throttles each key), or for everyone else the one callers' key
 * ({@code CSAT_CALLER_USAGE_KEY}), whose plan sets no limit beyond the stage's.
 *
 * <p>Only a bad credential is a 401. Anything else (the key secret or the database unreachable)
 * propagates, so API Gateway answers 500 and caches nothing, instead of telling a legitimate
 * caller that its credential is wrong.
 */
public final class AuthorizerHandler implements RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponseV1> {
  private static final Logger LOG = LoggerFactory.getLogger(AuthorizerHandler.class);

  /** The callers' usage plan key where none is configured (local runs: the local gateway does not meter it). */
  private static final String LOCAL_CALLER_USAGE_KEY = "csatcallerslocal0000000000000000";

  private final JwtVerifier jwts;
  private final ApiKeyVerifier apiKeys;
  private final String callerUsageKey;

  public AuthorizerHandler() {
    this(App.get().jwtVerifier(), App.get().apiKeyVerifier(), Config.get("CSAT_CALLER_USAGE_KEY", LOCAL_CALLER_USAGE_KEY));
  }

  AuthorizerHandler(JwtVerifier jwts, ApiKeyVerifier apiKeys, String callerUsageKey) {
    this.jwts = jwts;
    this.apiKeys = apiKeys;
    this.callerUsageKey = callerUsageKey;
  }

  @Override
  public IamPolicyResponseV1 handleRequest(APIGatewayCustomAuthorizerEvent event, Context context) {
    return PowertoolsLogging.withLogging(context, () -> authorize(event));
  }

  /** The decision without the Lambda context: also what the local gateway runs. */
  public IamPolicyResponseV1 authorize(APIGatewayCustomAuthorizerEvent event) {
    VerifiedCredential verified;
    try {
      verified = verify(Credentials.from(event.getHeaders()));
    } catch (InvalidCredentialException e) {
      // The reason only: never the credential itself.
      LOG.info("credential rejected: {}", e.getMessage());
      // This exact message is what makes API Gateway answer 401 rather than 500.
      throw new RuntimeException("Unauthorized");
    }
    String usageKey = verified.usageKey() == null ? callerUsageKey : verified.usageKey();
    return AllowPolicy.of(verified.caller(), event.getMethodArn(), usageKey);
  }

  /** The caller, and its own usage plan key when it has one. */
  private VerifiedCredential verify(Credential credential) {
    return switch (credential) {
      case Credential.Jwt jwt -> new VerifiedCredential(jwts.verify(jwt.token()), null);
      case Credential.ApiKey apiKey -> apiKeys.verify(apiKey.key())
          .orElseThrow(() -> new InvalidCredentialException("unknown or revoked API key"));
    };
  }
}
