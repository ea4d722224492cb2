package dev.csat.auth;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import dev.csat.App;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The Lambda REQUEST authorizer in front of every non-public route: finds the one credential in
 * the headers, verifies it (a JWT here, an API key through {@link ApiKeyVerifier}), and answers
 * with {@link AllowPolicy} carrying the caller, or 401.
 *
 * <p>Only a bad credential is a 401. Anything else (the key secret or the database unreachable)
 * propagates, so API Gateway answers 500 and caches nothing, instead of telling a legitimate
 * caller that its credential is wrong.
 */
public final class AuthorizerHandler implements RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponse> {
  private static final Logger LOG = LoggerFactory.getLogger(AuthorizerHandler.class);

  private final JwtVerifier jwts;
  private final ApiKeyVerifier apiKeys;

  public AuthorizerHandler() {
    this(App.get().jwtVerifier(), App.get().apiKeyVerifier());
  }

  AuthorizerHandler(JwtVerifier jwts, ApiKeyVerifier apiKeys) {
    this.jwts = jwts;
    this.apiKeys = apiKeys;
  }

  @Override
  public IamPolicyResponse handleRequest(APIGatewayCustomAuthorizerEvent event, Context context) {
    return PowertoolsLogging.withLogging(context, () -> authorize(event));
  }

  /** The decision without the Lambda context: also what the local gateway runs. */
  public IamPolicyResponse authorize(APIGatewayCustomAuthorizerEvent event) {
    Caller caller;
    try {
      caller = caller(Credentials.from(event.getHeaders()));
    } catch (InvalidCredentialException e) {
      // The reason only: never the credential itself.
      LOG.info("credential rejected: {}", e.getMessage());
      // This exact message is what makes API Gateway answer 401 rather than 500.
      throw new RuntimeException("Unauthorized");
    }
    return AllowPolicy.of(caller, event.getMethodArn());
  }

  private Caller caller(Credential credential) {
    return switch (credential) {
      case Credential.Jwt jwt -> jwts.verify(jwt.token());
      case Credential.ApiKey apiKey -> apiKeys.verify(apiKey.key())
          .orElseThrow(() -> new InvalidCredentialException("unknown or revoked API key"));
    };
  }
}
