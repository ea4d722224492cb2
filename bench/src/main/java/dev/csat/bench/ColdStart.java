package dev.csat.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.csat.App;
import dev.csat.catalog.CreateFeatureHandler;
import dev.csat.catalog.CreateProductHandler;
import dev.csat.local.dataapi.LocalDataApi;
import dev.csat.local.db.EmbeddedDatabase;
import dev.csat.migrations.Migrations;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cold start of the increment function: from launching a JVM on the deployable jar to its first
 * response (a real Data API round trip to the local endpoint), with the JVM's default JIT and with
 * C1 only (-XX:TieredStopAtLevel=1, what template.yaml sets). Runs alternate between the two.
 *
 * <p>Arguments: the shaded functions jar, this module's classes, the local module's classes (for
 * the Lambda context class only), runs per setting.
 */
public final class ColdStart {
  private static final String CLUSTER = "arn:aws:rds:us-east-1:000000000000:cluster:bench";
  private static final String SECRET = "arn:aws:secretsmanager:us-east-1:000000000000:secret:bench";

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]);
    Path benchClasses = Path.of(args[1]);
    Path localClasses = Path.of(args[2]);
    int runs = args.length > 3 ? Integer.parseInt(args[3]) : 10;
    String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    try (EmbeddedDatabase database = EmbeddedDatabase.startTemporary();
        LocalDataApi dataApi = LocalDataApi.start(database, "127.0.0.1", 0)) {
      database.createDatabase("csat");
      Map<String, String> env = Map.of(
          "CSAT_DATA_API_ENDPOINT", dataApi.endpoint().toString(),
          "CSAT_DB_CLUSTER_ARN", CLUSTER,
          "CSAT_DB_SECRET_ARN", SECRET,
          "CSAT_DB_NAME", "csat",
          "AWS_REGION", "us-east-1",
          "POWERTOOLS_LOG_LEVEL", "WARN");
      env.forEach(System::setProperty);
      Migrations.fromClasspath().apply(App.dataApiFromConfig());
      seedCatalogue();

      String classPath = String.join(File.pathSeparator, jar.toString(), benchClasses.toString(),
          localClasses.toString());
      Map<String, List<String>> settings = Map.of(
          "default JIT", List.of(),
          "C1 only", List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1"));
      Map<String, List<Sample>> samples = Map.of("default JIT", new ArrayList<>(), "C1 only", new ArrayList<>());
      for (int run = 0; run < runs; run++) {
        for (var setting : List.of("default JIT", "C1 only")) {
          List<String> command = new ArrayList<>(List.of(javaBinary, "-Xshare:auto", "-Dcsat.log.target=SYSTEM_ERR"));
          command.addAll(settings.get(setting));
          command.addAll(List.of("-cp", classPath, InvokeOnce.class.getName()));
          samples.get(setting).add(launch(command, env));
        }
      }
      System.out.printf("%-12s %6s %12s %12s %12s %16s%n", "setting", "runs", "total p50", "total min",
          "init p50", "1st request p50");
      for (var setting : List.of("default JIT", "C1 only")) {
        var list = samples.get(setting);
        System.out.printf("%-12s %6d %10.0fms %10.0fms %10.0fms %14.0fms%n", setting, list.size(),
            median(list.stream().mapToDouble(Sample::totalMs).toArray()),
            list.stream().mapToDouble(Sample::totalMs).min().orElseThrow(),
            median(list.stream().mapToDouble(Sample::initMs).toArray()),
            median(list.stream().mapToDouble(Sample::firstRequestMs).toArray()));
      }
    }
  }

  record Sample(double totalMs, double initMs, double firstRequestMs) {}

  private static Sample launch(List<String> command, Map<String, String> env) throws Exception {
    var builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().putAll(env);
    long start = System.nanoTime();
    Process process = builder.start();
    String line;
    try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      line = out.readLine();
    }
    long end = System.nanoTime();
    process.waitFor();
    if (line == null || !line.startsWith("status=200")) {
      throw new IllegalStateException("cold invocation failed: " + line + " (" + String.join(" ", command) + ")");
    }
    Map<String, Double> values = new HashMap<>();
    for (String part : line.split(" ")) {
      String[] pair = part.split("=");
      values.put(pair[0], Double.parseDouble(pair[1]));
    }
    return new Sample((end - start) / 1e6, values.get("init_ms"), values.get("first_request_ms"));
  }

  private static void seedCatalogue() {
    var product = new CreateProductHandler().respond(asAdmin(new APIGatewayProxyRequestEvent())
        .withHttpMethod("POST").withBody("{\"key\":\"acme-app\",\"name\":\"Acme App\"}"));
    var feature = new CreateFeatureHandler().respond(asAdmin(new APIGatewayProxyRequestEvent())
        .withHttpMethod("POST").withPathParameters(Map.of("product_key", "acme-app"))
        .withBody("{\"feature_key\":\"dashboard\",\"interaction_threshold\":5,\"rejection_threshold\":3}"));
    if (product.getStatusCode() != 201 || feature.getStatusCode() != 201) {
      throw new IllegalStateException("seeding failed: " + product.getBody() + " " + feature.getBody());
    }
  }

  /** The event as the authorizer passes a catalogue admin of the tenant InvokeOnce uses. */
  private static APIGatewayProxyRequestEvent asAdmin(APIGatewayProxyRequestEvent event) {
    var context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
    context.setAuthorizer(Map.of("tenant", "default", "principal", "bench", "scopes", "catalog:write"));
    return event.withRequestContext(context);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
