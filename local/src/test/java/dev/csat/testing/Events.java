package dev.csat.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The files in {@code events/}, read with the Lambda runtime's own deserializer. */
public final class Events {
  private Events() {}

  public static Path repoRoot() {
    String root = System.getProperty("csat.repo.root");
    Path path = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
    while (path != null && !Files.exists(path.resolve("template.yaml"))) {
      path = path.getParent();
    }
    if (path == null) {
      throw new IllegalStateException("no template.yaml above " + Path.of("").toAbsolutePath());
    }
    return path;
  }

  public static APIGatewayProxyRequestEvent api(String file) {
    var serializer = LambdaEventSerializers.serializerFor(APIGatewayProxyRequestEvent.class,
        Events.class.getClassLoader());
    try (InputStream in = Files.newInputStream(repoRoot().resolve("events").resolve(file))) {
      return serializer.fromJson(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read events/" + file, e);
    }
  }

  /** The event with another body. */
  public static APIGatewayProxyRequestEvent withBody(APIGatewayProxyRequestEvent event, String body) {
    return event.withBody(body);
  }

  /** The event as sent by a caller of another tenant (the authorizer context's tenant). */
  public static APIGatewayProxyRequestEvent asTenant(APIGatewayProxyRequestEvent event, String tenant) {
    var context = event.getRequestContext();
    Map<String, Object> authorizer = new HashMap<>();
    if (context.getAuthorizer() != null) {
      authorizer.putAll(context.getAuthorizer());
    }
    authorizer.put("tenant", tenant);
    context.setAuthorizer(authorizer);
    return event;
  }
}
