package dev.csat.local.cli;

import dev.csat.local.gateway.AuthorizerContext;
import dev.csat.local.gateway.LocalGateway;
import dev.csat.local.gateway.Route;
import dev.csat.local.gateway.RouteTable;
import dev.csat.local.gateway.SamTemplate;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code ./csat serve}: the API on the local gateway, in the foreground until Ctrl-C. */
final class ServeCommand {
  private ServeCommand() {}

  static int run(Settings settings, PrintStream out, PrintStream err) throws InterruptedException {
    RouteTable routes = RouteTable.from(SamTemplate.load(settings.template()));
    // Both ports are checked before the database starts, so a clash fails in a second, not ten.
    Ports.requireFree(settings.gatewayHost(), settings.gatewayPort(), "CSAT_PORT");
    Ports.requireFree(settings.dataApiHost(), settings.dataApiPort(), "CSAT_DATA_API_PORT");

    LocalServices services = LocalServices.start(settings, settings.dataApiHost(), settings.dataApiPort(), false, err);
    LocalGateway gateway;
    try {
      gateway = LocalGateway.start(routes, AuthorizerContext.defaultTenant(settings.defaultTenant()),
          settings.gatewayHost(), settings.gatewayPort());
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

    out.println("CSAT API on " + gateway.endpoint() + basePath(routes) + " \u2014 Data API on "
        + services.dataApiEndpoint() + " \u2014 Ctrl-C to stop");
    out.flush();
    stopped.await();
    return 0;
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
