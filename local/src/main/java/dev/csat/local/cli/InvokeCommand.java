package dev.csat.local.cli;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.csat.local.gateway.FunctionInstances;
import dev.csat.local.gateway.FunctionSpec;
import dev.csat.local.gateway.LocalContext;
import dev.csat.local.gateway.SamTemplate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@code ./csat invoke FUNCTION EVENT_FILE}: like {@code sam local invoke}, one invocation of a
 * template function with an event file, deserialized by the Lambda runtime's own serializers
 * for the handler's event type. The response goes to stdout as pretty JSON, logs to stderr.
 */
final class InvokeCommand {
  private static final ObjectMapper PRETTY = new ObjectMapper();

  private InvokeCommand() {}

  static int run(List<String> args, Settings settings, PrintStream out, PrintStream err) throws IOException {
    if (args.size() != 2) {
      throw new CliException("usage: ./csat invoke FUNCTION EVENT_FILE (e.g. ./csat invoke ListProductsFunction events/list-products.json)");
    }
    SamTemplate template = SamTemplate.load(settings.template());
    FunctionSpec function = template.function(args.get(0)).orElseThrow(() -> new CliException(
        "unknown function " + args.get(0) + "; the template's functions are: "
            + template.functions().stream().map(FunctionSpec::logicalId).collect(Collectors.joining(", "))));
    Path eventFile = eventFile(args.get(1), settings);
    byte[] json = read(eventFile);

    FunctionInstances functions = new FunctionInstances();
    Class<?> handlerClass = functions.handlerClass(function.logicalId(), function.handlerClass());
    Class<?> eventType = HandlerTypes.eventType(handlerClass)
        .orElse(function.isApi() ? APIGatewayProxyRequestEvent.class : Map.class);
    Object event = parse(json, eventType, eventFile);
    if (ServeCommand.AUTHORIZER_FUNCTION.equals(function.logicalId())) {
      // The authorizer verifies with the same keys as under serve; API functions need none
      // (their events carry requestContext.authorizer already, as the authorizer left it).
      err.println("[csat] JWT keys: " + DevJwtKeys.describe(DevJwtKeys.configureAuthorizer(settings.repoRoot(), err)));
    }

    try (LocalServices services = LocalServices.start(settings, "127.0.0.1", 0, true, err)) {
      String requestId = UUID.randomUUID().toString();
      err.println("[csat] invoking " + function.logicalId() + " (" + function.handlerClass() + "), request " + requestId
          + ", Data API at " + services.dataApiEndpoint());
      Object result;
      try {
        RequestHandler<Object, Object> handler = functions.handler(function.logicalId(), function.handlerClass());
        result = handler.handleRequest(event, LocalContext.of(requestId, function.logicalId(), function.timeout()));
      } catch (RuntimeException | Error e) {
        // What Lambda returns for an unhandled exception; the trace goes to the log as well.
        err.println("[csat] " + function.logicalId() + " failed (request " + requestId + "):");
        e.printStackTrace(err);
        out.println(pretty(PRETTY.writeValueAsBytes(errorDocument(e))));
        return 1;
      }
      out.println(result == null ? "null" : pretty(write(result)));
      return 0;
    }
  }

  private static Path eventFile(String argument, Settings settings) {
    Path path = Path.of(argument);
    // Relative to where the command runs, or failing that to the repository (events/...).
    if (!Files.exists(path) && !path.isAbsolute() && Files.exists(settings.repoRoot().resolve(path))) {
      return settings.repoRoot().resolve(path);
    }
    return path;
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new CliException("cannot read the event file " + file + ": no such file", e);
    } catch (IOException e) {
      throw new CliException("cannot read the event file " + file + ": " + e.getMessage(), e);
    }
  }

  private static Object parse(byte[] json, Class<?> type, Path file) {
    try {
      return serializer(type).fromJson(new ByteArrayInputStream(json));
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      String message = String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
      throw new CliException("the event file " + file + " is not a valid " + type.getSimpleName() + ": " + message, e);
    }
  }

  private static byte[] write(Object result) {
    var bytes = new ByteArrayOutputStream();
    serializer(result.getClass()).toJson(result, bytes);
    return bytes.toByteArray();
  }

  /** As the Lambda Java runtime chooses: its event serializers for AWS event types, else Jackson. */
  @SuppressWarnings("unchecked")
  private static PojoSerializer<Object> serializer(Class<?> type) {
    if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
      ClassLoader loader = type.getClassLoader() == null ? ClassLoader.getSystemClassLoader() : type.getClassLoader();
      return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(type, loader);
    }
    return (PojoSerializer<Object>) JacksonFactory.getInstance().getSerializer(type);
  }

  private static String pretty(byte[] json) throws IOException {
    return PRETTY.writerWithDefaultPrettyPrinter().writeValueAsString(PRETTY.readTree(json));
  }

  private static Map<String, Object> errorDocument(Throwable e) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("errorMessage", e.getMessage());
    document.put("errorType", e.getClass().getName());
    List<String> trace = new ArrayList<>(Arrays.stream(e.getStackTrace()).map(StackTraceElement::toString).toList());
    document.put("stackTrace", trace);
    if (e.getCause() != null && e.getCause() != e) {
      document.put("cause", errorDocument(e.getCause()));
    }
    return document;
  }
}
