package dev.csat.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.RequestIdentity;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the event API Gateway (REST API, Lambda proxy integration, payload 1.0) sends a
 * function: {@code resource} is the path template, single-value maps hold the last value of a
 * repeated header or query parameter and the multi-value maps all of them, query and path
 * parameters arrive decoded, absent maps are null rather than empty, and a body that is not
 * UTF-8 text arrives base64-encoded. {@code requestContext.authorizer} is left for the
 * {@link AuthorizerContext}.
 */
public final class ProxyEvents {
  static final String ACCOUNT_ID = "000000000000";
  static final String API_ID = "local";
  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

  private ProxyEvents() {}

  public static APIGatewayProxyRequestEvent build(
      IncomingRequest request, Route route, Map<String, String> pathParameters, String stage, String requestId) {
    Map<String, List<String>> headers = forwardedHeaders(request);
    Map<String, List<String>> query = query(request.rawQuery());
    String path = decodedPath(request.rawPath());

    var identity = new RequestIdentity()
        .withSourceIp(request.sourceIp())
        .withUserAgent(last(headers, "User-Agent"));
    var context = new ProxyRequestContext()
        .withAccountId(ACCOUNT_ID)
        .withApiId(API_ID)
        .withResourceId(Integer.toHexString(route.pathTemplate().hashCode()))
        .withStage(stage)
        .withRequestId(requestId)
        .withExtendedRequestId(requestId)
        .withRequestTime(REQUEST_TIME.format(request.receivedAt()))
        .withRequestTimeEpoch(request.receivedAt().toEpochMilli())
        .withResourcePath(route.pathTemplate())
        .withHttpMethod(request.method())
        // Without a custom domain, API Gateway's requestContext.path starts with the stage.
        .withPath("/" + stage + path)
        .withProtocol(request.protocol())
        .withDomainName(last(headers, "Host"))
        .withDomainPrefix(API_ID)
        .withIdentity(identity);

    var event = new APIGatewayProxyRequestEvent()
        .withResource(route.pathTemplate())
        .withPath(path)
        .withHttpMethod(request.method())
        .withHeaders(singleValues(headers))
        .withMultiValueHeaders(headers.isEmpty() ? null : headers)
        .withQueryStringParameters(singleValues(query))
        .withMultiValueQueryStringParameters(query.isEmpty() ? null : query)
        .withPathParameters(pathParameters.isEmpty() ? null : new LinkedHashMap<>(pathParameters))
        .withStageVariables(null)
        .withRequestContext(context);
    setBody(event, request.body());
    return event;
  }

  /** The request path with each segment decoded, as API Gateway reports {@code path}. */
  static String decodedPath(String rawPath) {
    List<String> segments = PathTemplate.split(rawPath);
    return "/" + String.join("/", segments.stream().map(UrlDecoding::pathSegment).toList());
  }

  /** Name/value pairs in order; a name without {@code =} has the empty value. */
  static Map<String, List<String>> query(String rawQuery) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = UrlDecoding.query(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : UrlDecoding.query(pair.substring(equals + 1));
      query.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
    }
    return query;
  }

  /** The request's headers plus the X-Forwarded-* ones API Gateway adds in front of a function. */
  private static Map<String, List<String>> forwardedHeaders(IncomingRequest request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    request.headers().forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
    String forwardedFor = last(headers, "X-Forwarded-For");
    put(headers, "X-Forwarded-For", forwardedFor == null ? request.sourceIp() : forwardedFor + ", " + request.sourceIp());
    if (last(headers, "X-Forwarded-Proto") == null) {
      put(headers, "X-Forwarded-Proto", "http");
    }
    if (last(headers, "X-Forwarded-Port") == null) {
      put(headers, "X-Forwarded-Port", Integer.toString(request.localPort()));
    }
    return headers;
  }

  private static void put(Map<String, List<String>> headers, String name, String value) {
    headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
    headers.put(name, new ArrayList<>(List.of(value)));
  }

  /** The last value of a header, by case-insensitive name; null when absent. */
  private static String last(Map<String, List<String>> headers, String name) {
    for (var entry : headers.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
        return entry.getValue().getLast();
      }
    }
    return null;
  }

  private static Map<String, String> singleValues(Map<String, List<String>> multi) {
    if (multi.isEmpty()) {
      return null;
    }
    Map<String, String> single = new LinkedHashMap<>();
    multi.forEach((name, values) -> single.put(name, values.isEmpty() ? "" : values.getLast()));
    return single;
  }

  private static void setBody(APIGatewayProxyRequestEvent event, byte[] body) {
    if (body == null || body.length == 0) {
      event.setBody(null);
      event.setIsBase64Encoded(false);
      return;
    }
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
      event.setBody(text);
      event.setIsBase64Encoded(false);
    } catch (CharacterCodingException notText) {
      event.setBody(Base64.getEncoder().encodeToString(body));
      event.setIsBase64Encoded(true);
    }
  }
}
