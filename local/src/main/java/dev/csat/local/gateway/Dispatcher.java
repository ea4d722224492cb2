package dev.csat.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * What API Gateway does between receiving a request and answering it: find the route, build
 * the proxy event, run the authorizer, invoke the function in a Lambda-like context, and turn a
 * failed invocation into a 502.
 */
final class Dispatcher {
  /** The response and the function that produced it (null when the gateway answered itself). */
  record Outcome(APIGatewayProxyResponseEvent response, String functionId) {}

  private final RouteTable routes;
  private final FunctionInstances functions;
  private final AuthorizerContext authorizer;
  private final PrintStream log;

  Dispatcher(RouteTable routes, FunctionInstances functions, AuthorizerContext authorizer, PrintStream log) {
    this.routes = routes;
    this.functions = functions;
    this.authorizer = authorizer;
    this.log = log;
  }

  Outcome dispatch(IncomingRequest request, String requestId) {
    String path = ProxyEvents.decodedPath(request.rawPath());
    return switch (routes.find(request.method(), request.rawPath())) {
      case RouteTable.NoRoute none -> new Outcome(GatewayProblems.notFound(path, requestId), null);
      case RouteTable.WrongMethod wrong ->
          new Outcome(GatewayProblems.methodNotAllowed(request.method(), path, wrong.allowed(), requestId), null);
      case RouteTable.Found found -> new Outcome(invoke(request, found, path, requestId), found.route().functionId());
    };
  }

  private APIGatewayProxyResponseEvent invoke(IncomingRequest request, RouteTable.Found found, String path, String requestId) {
    Route route = found.route();
    var event = ProxyEvents.build(request, route, found.pathParameters(), routes.stageName(), requestId);
    try {
      event.getRequestContext().setAuthorizer(authorizer.contextFor(event, route));
    } catch (LambdaAuthorizer.Rejection rejection) {
      return GatewayProblems.authorizerRejected(rejection.status(), path, requestId);
    }
    try {
      var handler = functions.handler(route.functionId(), route.handlerClass());
      Object result = handler.handleRequest(event, LocalContext.of(requestId, route.functionId(), LocalContext.API_GATEWAY_TIMEOUT));
      if (!(result instanceof APIGatewayProxyResponseEvent response) || response.getStatusCode() == null) {
        // What API Gateway calls a malformed Lambda proxy response.
        log.println("[gateway] " + route.functionId() + " returned no proxy response (status code missing) for request "
            + requestId);
        return GatewayProblems.badGateway(path, requestId);
      }
      return response;
    } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
      // One print call, so concurrent requests' lines cannot interleave with the trace.
      var trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      log.print("[gateway] " + route.functionId() + " failed for request " + requestId + ":" + System.lineSeparator() + trace);
      log.flush();
      return GatewayProblems.badGateway(path, requestId);
    }
  }
}
