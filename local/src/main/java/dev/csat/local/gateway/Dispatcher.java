package dev.csat.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.csat.http.Cors;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What API Gateway does between receiving a request and answering it: answer a CORS preflight
 * itself, find the route, build the proxy event, run the authorizer, apply the usage plan to the
 * key it names, invoke the function in a Lambda-like context, and turn a failed invocation into
 * a 502.
 */
final class Dispatcher {
  /** The response and the function that produced it (null when the gateway answered itself). */
  record Outcome(APIGatewayProxyResponseEvent response, String functionId) {}

  private final RouteTable routes;
  private final FunctionInstances functions;
  private final AuthorizerContext authorizer;
  private final Cors cors;
  private final PrintStream log;
  private final UsagePlanMeter meter;

  Dispatcher(RouteTable routes, FunctionInstances functions, AuthorizerContext authorizer, Cors cors, PrintStream log) {
    this.routes = routes;
    this.functions = functions;
    this.authorizer = authorizer;
    this.cors = cors;
    this.log = log;
    this.meter = routes.apiKeyPlan().map(limits -> new UsagePlanMeter(limits, Clock.systemUTC())).orElse(null);
  }

  Outcome dispatch(IncomingRequest request, String requestId) {
    String path = ProxyEvents.decodedPath(request.rawPath());
    String origin = origin(request.headers());
    var lookup = routes.find(request.method(), request.rawPath());
    if (request.method().equals("OPTIONS") && lookup instanceof RouteTable.WrongMethod known) {
      // Every path of openapi.yaml has an options operation that API Gateway answers itself (a
      // mock integration without the authorizer): no function, no credential.
      return new Outcome(preflight(known.allowed(), origin), null);
    }
    return switch (lookup) {
      case RouteTable.NoRoute none -> new Outcome(gatewayAnswer(GatewayProblems.notFound(path, requestId), origin), null);
      case RouteTable.WrongMethod wrong -> new Outcome(gatewayAnswer(
          GatewayProblems.methodNotAllowed(request.method(), path, wrong.allowed(), requestId), origin), null);
      case RouteTable.Found found ->
          new Outcome(invoke(request, found, path, origin, requestId), found.route().functionId());
    };
  }

  /**
   * The CORS headers API Gateway's gateway responses carry (openapi.yaml,
   * x-amazon-apigateway-gateway-responses): they can only copy a request header, not test it,
   * so with any origin configured every {@code Origin} is echoed on the gateway's own errors;
   * {@code Vary} and {@code Access-Control-Expose-Headers} are static.
   */
  APIGatewayProxyResponseEvent gatewayAnswer(APIGatewayProxyResponseEvent response, String origin) {
    Map<String, String> headers = response.getHeaders();
    if (cors.enabled() && origin != null) {
      headers.put("Access-Control-Allow-Origin", origin);
    }
    headers.put("Access-Control-Expose-Headers", Cors.EXPOSE_HEADERS);
    headers.put("Vary", "Origin");
    return response;
  }

  /** The preflight answer of a path, as its mock integration in openapi.yaml gives it. */
  private APIGatewayProxyResponseEvent preflight(Set<String> methods, String origin) {
    return new APIGatewayProxyResponseEvent().withStatusCode(204)
        .withHeaders(new HashMap<>(cors.preflightHeaders(origin, List.copyOf(methods))));
  }

  /** The request's Origin header, or null. */
  static String origin(Map<String, List<String>> headers) {
    for (var header : headers.entrySet()) {
      if (header.getKey().equalsIgnoreCase("Origin") && !header.getValue().isEmpty()) {
        return header.getValue().getFirst();
      }
    }
    return null;
  }

  private APIGatewayProxyResponseEvent invoke(IncomingRequest request, RouteTable.Found found, String path, String origin,
      String requestId) {
    Route route = found.route();
    var event = ProxyEvents.build(request, route, found.pathParameters(), routes.stageName(), requestId);
    AuthorizerContext.Authorization authorization;
    try {
      authorization = authorizer.authorize(event, route);
    } catch (LambdaAuthorizer.Rejection rejection) {
      return gatewayAnswer(GatewayProblems.authorizerRejected(rejection.status(), path, requestId), origin);
    }
    var verdict = meter == null || authorization.usageKey() == null
        ? UsagePlanMeter.Verdict.ALLOWED : meter.admit(authorization.usageKey());
    if (verdict != UsagePlanMeter.Verdict.ALLOWED) {
      return gatewayAnswer(GatewayProblems.tooManyRequests(verdict == UsagePlanMeter.Verdict.QUOTA_EXCEEDED, path, requestId),
          origin);
    }
    event.getRequestContext().setAuthorizer(authorization.context());
    try {
      var handler = functions.handler(route.functionId(), route.handlerClass());
      Object result = handler.handleRequest(event, LocalContext.of(requestId, route.functionId(), LocalContext.API_GATEWAY_TIMEOUT));
      if (!(result instanceof APIGatewayProxyResponseEvent response) || response.getStatusCode() == null) {
        // What API Gateway calls a malformed Lambda proxy response.
        log.println("[gateway] " + route.functionId() + " returned no proxy response (status code missing) for request "
            + requestId);
        return gatewayAnswer(GatewayProblems.badGateway(path, requestId), origin);
      }
      return response;
    } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
      // One print call, so concurrent requests' lines cannot interleave with the trace.
      var trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      log.print("[gateway] " + route.functionId() + " failed for request " + requestId + ":" + System.lineSeparator() + trace);
      log.flush();
      return gatewayAnswer(GatewayProblems.badGateway(path, requestId), origin);
    }
  }
}
