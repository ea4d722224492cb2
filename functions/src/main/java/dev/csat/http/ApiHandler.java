package dev.csat.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.csat.core.CsatException;
import dev.csat.core.UnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Base of every API handler. It owns {@code handleRequest}: logging with the request id, the
 * caller (from the authorizer context) and its scope, body parsing and validation, and turning
 * failures into problem responses.
 * Subclasses only turn a {@link Call} into a {@link Reply} through a use case.
 *
 * @param <B> the parsed request body ({@code Void} for operations without one)
 * @param <R> the response body
 */
public abstract class ApiHandler<B, R>
    implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

  private final BodyReader<B> bodyReader;
  private final String scope;
  private final Http http;

  /**
   * For operations with a JSON request body.
   *
   * @param scope the one scope a caller needs (the operation's {@code x-csat-scope})
   */
  protected ApiHandler(BodyReader<B> bodyReader, String scope, Http http) {
    this.bodyReader = bodyReader;
    this.scope = scope;
    this.http = http;
  }

  /** For operations without a request body (any body sent is ignored, as API Gateway does). */
  protected ApiHandler(String scope, Http http) {
    this(null, scope, http);
  }

  /** The scope this operation requires. */
  public final String scope() {
    return scope;
  }

  protected abstract Reply<R> handle(Call<B> call);

  @Override
  public final APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
    return PowertoolsLogging.withLogging(context, () -> respond(event));
  }

  /** The request-to-response path without the Lambda context: also what benchmarks measure. */
  public final APIGatewayProxyResponseEvent respond(APIGatewayProxyRequestEvent event) {
    String requestId = Http.requestId(event);
    MDC.put("correlation_id", requestId);
    try {
      return http.withCors(event, answer(event, requestId));
    } finally {
      MDC.remove("correlation_id");
    }
  }

  private APIGatewayProxyResponseEvent answer(APIGatewayProxyRequestEvent event, String requestId) {
    try {
      Call<B> call = http.call(event, scope, bodyReader);
      return http.reply(handle(call), requestId);
    } catch (UnavailableException e) {
      LOG.warn("database unavailable", e);
      return http.problem(e, event);
    } catch (CsatException e) {
      return http.problem(e, event);
    } catch (RuntimeException e) {
      LOG.error("request failed", e);
      return http.internalError(event);
    }
  }
}
