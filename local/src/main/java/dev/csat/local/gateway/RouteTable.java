package dev.csat.local.gateway;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The API's routes, read from the template's {@code Api} events. Like API Gateway, a request
 * first selects the most specific matching resource (path template), then that resource's
 * method: a known path with another method is a 405, not a fall-through to a less specific path.
 * It also carries the limits of the template's usage plan for API keys, which apply to every route.
 */
public final class RouteTable {
  /** What a request finds. */
  public sealed interface Lookup permits Found, WrongMethod, NoRoute {}

  /** The route and its decoded path parameters (empty when the template has none). */
  public record Found(Route route, Map<String, String> pathParameters) implements Lookup {}

  /** The path is known, the method is not: {@code allowed} is what the path accepts. */
  public record WrongMethod(Set<String> allowed) implements Lookup {}

  public record NoRoute() implements Lookup {}

  /** One path template and the routes on it, by method. */
  private record Resource(PathTemplate template, Map<String, Route> byMethod) {}

  private final List<Resource> resources;
  private final String stageName;
  private final UsagePlanLimits apiKeyPlan;

  private RouteTable(List<Resource> resources, String stageName, UsagePlanLimits apiKeyPlan) {
    this.resources = resources;
    this.stageName = stageName;
    this.apiKeyPlan = apiKeyPlan;
  }

  /** Every {@code Api} event of every function becomes a route. */
  public static RouteTable from(SamTemplate template) {
    List<Route> routes = new ArrayList<>();
    for (FunctionSpec function : template.functions()) {
      for (FunctionSpec.ApiEvent event : function.apiEvents()) {
        routes.add(new Route(event.method(), event.path(), function.logicalId(), function.handlerClass()));
      }
    }
    var table = of(routes, template.stageName());
    return template.apiKeyUsagePlan().map(table::withApiKeyPlan).orElse(table);
  }

  public static RouteTable of(List<Route> routes, String stageName) {
    Map<String, Resource> byPath = new LinkedHashMap<>();
    for (Route route : routes) {
      Resource resource = byPath.computeIfAbsent(route.pathTemplate(),
          path -> new Resource(PathTemplate.parse(path), new LinkedHashMap<>()));
      Route clash = resource.byMethod().putIfAbsent(route.method(), route);
      if (clash != null) {
        throw new TemplateException(route.method() + " " + route.pathTemplate() + " is routed to both "
            + clash.functionId() + " and " + route.functionId());
      }
    }
    List<Resource> resources = new ArrayList<>(byPath.values());
    resources.sort(Comparator.comparing(Resource::template));
    return new RouteTable(List.copyOf(resources), stageName, null);
  }

  /** The same routes, with API keys metered by these limits. */
  public RouteTable withApiKeyPlan(UsagePlanLimits limits) {
    return new RouteTable(resources, stageName, limits);
  }

  /** The limits each API key's usage key gets; empty when the template meters nothing. */
  public Optional<UsagePlanLimits> apiKeyPlan() {
    return Optional.ofNullable(apiKeyPlan);
  }

  public List<Route> routes() {
    return resources.stream().flatMap(resource -> resource.byMethod().values().stream()).toList();
  }

  public String stageName() {
    return stageName;
  }

  /** @param rawPath the request path as sent, still percent-encoded, without the query */
  public Lookup find(String method, String rawPath) {
    List<String> segments = PathTemplate.split(rawPath);
    // Sorted most specific first, so the first match is the one API Gateway would pick.
    for (Resource resource : resources) {
      var parameters = resource.template().match(segments);
      if (parameters.isEmpty()) {
        continue;
      }
      Route route = resource.byMethod().get(method);
      if (route == null) {
        route = resource.byMethod().get("ANY");
      }
      if (route == null) {
        return new WrongMethod(new TreeSet<>(resource.byMethod().keySet()));
      }
      return new Found(route, parameters.get());
    }
    return new NoRoute();
  }
}
