package dev.csat.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The files in {@code events/}, read with the Lambda runtime's own deserializer, and events
 * built in code as API Gateway would pass them.
 */
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

  /** The authorizer context of a caller: its principal, tenant and space-separated scopes. */
  public static Map<String, Object> caller(String principal, String tenant, String scopes) {
    Map<String, Object> authorizer = new HashMap<>();
    authorizer.put("principalId", principal);
    authorizer.put("principal", principal);
    authorizer.put("tenant", tenant);
    authorizer.put("scopes", scopes);
    return authorizer;
  }

  /** Query parameters given as name, value, name, value...; a name may repeat. */
  public static Map<String, List<String>> query(String... namesAndValues) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      parameters.computeIfAbsent(namesAndValues[i], name -> new ArrayList<>()).add(namesAndValues[i + 1]);
    }
    return parameters;
  }

  /**
   * A request to {@code resource} (its {@code {name}} placeholders filled from the path
   * parameters) from the caller {@code authorizer} describes; a body comes as JSON.
   */
  public static APIGatewayProxyRequestEvent request(String method, String resource,
      Map<String, String> pathParameters, Map<String, List<String>> query, String body,
      Map<String, Object> authorizer) {
    String path = resource;
    for (var parameter : pathParameters.entrySet()) {
      path = path.replace("{" + parameter.getKey() + "}", parameter.getValue());
    }
    var context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
    context.setRequestId(UUID.randomUUID().toString());
    context.setResourcePath(resource);
    context.setHttpMethod(method);
    context.setAuthorizer(authorizer);
    Map<String, String> headers = new HashMap<>();
    if (body != null) {
      headers.put("Content-Type", "application/json");
    }
    return new APIGatewayProxyRequestEvent()
        .withResource(resource)
        .withHttpMethod(method)
        .withPath(path)
        .withHeaders(headers)
        .withPathParameters(pathParameters)
        .withMultiValueQueryStringParameters(query.isEmpty() ? null : query)
        .withRequestContext(context)
        .withBody(body);
  }
}
