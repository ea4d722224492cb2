package dev.csat.local.cli;

import dev.csat.App;
import dev.csat.http.Cors;
import dev.csat.local.gateway.AuthorizerContext;
import dev.csat.local.gateway.FunctionInstances;
import dev.csat.local.gateway.FunctionSpec;
import dev.csat.local.gateway.LocalGateway;
import dev.csat.local.gateway.Route;
import dev.csat.local.gateway.RouteTable;
import dev.csat.local.gateway.SamTemplate;
import dev.csat.local.gateway.UsagePlanLimits;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./csat serve}: the API on the local gateway, in the foreground until Ctrl-C. Every
 * request goes through the template's {@value #AUTHORIZER_FUNCTION} first, as in API Gateway,
 * with the local JWT keys ({@link DevJwtKeys}).
 */
final class ServeCommand {
  /** The logical id of the Lambda authorizer in {@code template.yaml}. */
  static final String AUTHORIZER_FUNCTION = "AuthorizerFunction";
  static final String TOKEN_EXAMPLE =
      "./csat token --tenant acme --scope \"catalog:write interactions:write feedback:write feedback:read feedback:comment analytics:read config:read keys:manage\"";

  private ServeCommand() {}

  static int run(Settings settings, PrintStream out, PrintStream err) throws InterruptedException {
    SamTemplate template = SamTemplate.load(settings.template());
    RouteTable routes = RouteTable.from(template);
    FunctionSpec authorizerFunction = authorizerFunction(template);
    Cors cors = corsPolicy();
    // Both ports are checked before the database starts, so a clash fails in a second, not ten.
    Ports.requireFree(settings.gatewayHost(), settings.gatewayPort(), "CSAT_PORT");
    Ports.requireFree(settings.dataApiHost(), settings.dataApiPort(), "CSAT_DATA_API_PORT");
    // Before any handler exists: the authorizer reads CSAT_JWT_KEYS when it is created.
    DevJwtKeys.KeySet keys = DevJwtKeys.configureAuthorizer(settings.repoRoot(), err);
    err.println("[csat] JWT keys: " + DevJwtKeys.describe(keys));
    err.println("[csat] CORS: " + (cors.enabled() ? "browsers on " + cors + " may call the API"
        : "no cross-origin access (set " + Cors.CONFIG + " to allow browser origins)"));
    err.println("[csat] API keys: " + routes.apiKeyPlan().map(ServeCommand::describe)
        .orElse("not metered (the template has no ApiKeyUsagePlan)"));

    LocalServices services = LocalServices.start(settings, settings.dataApiHost(), settings.dataApiPort(), false, err);
    AuthorizerContext authorizer;
    try {
      // Created now, not on the first request: a misconfigured authorizer fails the start.
      authorizer = AuthorizerContext.lambda(new FunctionInstances(), authorizerFunction.logicalId(),
          authorizerFunction.handlerClass());
    } catch (RuntimeException | Error e) {
      services.close();
      throw e;
    }
    LocalGateway gateway;
    try {
      gateway = LocalGateway.start(routes, authorizer, cors, settings.gatewayHost(), settings.gatewayPort());
    } catch (IOException | RuntimeException e) {
      services.close();
      throw Ports.inUse(settings.gatewayHost(), settings.gatewayPort(), "CSAT_PORT", e);
    }

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      err.println("[csat] stopping");
      closeQuietly(gateway, err);
      closeQuietly(services, err);
      stopped.countDown();
    }, "csat-shutdown"));

    String api = gateway.endpoint() + basePath(routes);
    out.println("CSAT API on " + api + " \u2014 Data API on " + services.dataApiEndpoint() + " \u2014 Ctrl-C to stop");
    out.flush();
    err.print(tokenHint(api, keys));
    err.flush();
    stopped.await();
    return 0;
  }

  /**
   * The allowed browser origins, read as the functions read them ({@code CSAT_CORS_ORIGINS}):
   * checked before anything starts, so a malformed value fails in a second with its reason.
   */
  static Cors corsPolicy() {
    try {
      return App.corsFromConfig();
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage(), e);
    }
  }

  /** The template's authorizer, which the gateway runs before every function. */
  static FunctionSpec authorizerFunction(SamTemplate template) {
    return template.function(AUTHORIZER_FUNCTION).orElseThrow(() -> new CliException(
        "the template " + template.source() + " has no " + AUTHORIZER_FUNCTION + " (the Lambda authorizer the"
            + " local gateway runs before every function, Handler dev.csat.auth.AuthorizerHandler::handleRequest)"));
  }

  /** How to call the API: every request needs a credential now. */
  static String tokenHint(String api, DevJwtKeys.KeySet keys) {
    String n = System.lineSeparator();
    return "[csat] Every request needs a credential (401 without one). Get a dev token and call the API:" + n
        + "[csat]   TOKEN=$(" + TOKEN_EXAMPLE + ")" + n
        + "[csat]   curl -H \"Authorization: Bearer $TOKEN\" " + api + "/products" + n
        + (keys.fromFile()
            ? ""
            : "[csat] ./csat token signs with the first kid of CSAT_JWT_KEYS: set the same value where you run it." + n);
  }

  /** The usage plan for API keys as the startup banner says it: "each limited to 50 requests/s, ...". */
  private static String describe(UsagePlanLimits plan) {
    String rate = BigDecimal.valueOf(plan.ratePerSecond()).stripTrailingZeros().toPlainString();
    return "each limited to " + rate + " requests/s, bursts of " + plan.burst() + ", " + plan.quotaPerDay()
        + " a day (ApiKeyUsagePlan in the template)";
  }

  /** The literal segments every route starts with, e.g. /api/csat/v1. */
  static String basePath(RouteTable routes) {
    List<String> common = null;
    for (Route route : routes.routes()) {
      List<String> segments = new ArrayList<>();
      for (String segment : route.pathTemplate().substring(1).split("/")) {
        if (segment.startsWith("{")) {
          break;
        }
        segments.add(segment);
      }
      if (common == null) {
        common = segments;
      } else {
        int same = 0;
        while (same < Math.min(common.size(), segments.size()) && common.get(same).equals(segments.get(same))) {
          same++;
        }
        common = common.subList(0, same);
      }
    }
    return common == null || common.isEmpty() ? "" : "/" + String.join("/", common);
  }

  private static void closeQuietly(AutoCloseable closeable, PrintStream err) {
    try {
      closeable.close();
    } catch (Exception e) {
      // Ctrl-C reaches PostgreSQL too, which may already be shutting down on its own.
      err.println("[csat] while stopping: " + e.getMessage());
    }
  }
}
