package dev.csat.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csat.auth.Caller;
import dev.csat.core.Checks;
import dev.csat.core.ContentTooLargeException;
import dev.csat.core.CsatException;
import dev.csat.core.ForbiddenException;
import dev.csat.core.Limits;
import dev.csat.core.UnavailableException;
import dev.csat.core.ValidationException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The HTTP mapping shared by every handler: API Gateway event to {@link Call}, reply or failure
 * to API Gateway response. Built once per execution environment.
 */
public final class Http {
  private final Json json;
  private final Cors cors;

  /** Without cross-origin access (benchmarks, tools). */
  public Http(Json json) {
    this(json, Cors.none());
  }

  /** With the CORS policy the responses follow. */
  public Http(Json json, Cors cors) {
    this.json = json;
    this.cors = cors;
  }

  public Json json() {
    return json;
  }

  public Cors cors() {
    return cors;
  }

  /**
   * Adds the CORS headers the request's {@code Origin} earns under the policy: none unless
   * origins are configured, and {@code Access-Control-Allow-Origin} only for an allowed one.
   */
  APIGatewayProxyResponseEvent withCors(APIGatewayProxyRequestEvent event, APIGatewayProxyResponseEvent response) {
    if (cors.enabled()) {
      response.getHeaders().putAll(cors.responseHeaders(origin(event)));
    }
    return response;
  }

  /**
   * The call, once the caller holds {@code scope}: 401 without an authorizer context, 403
   * without the scope, both before the body is even read.
   *
   * @param reader how to read the body, or null for operations that take none
   */
  <B> Call<B> call(APIGatewayProxyRequestEvent event, String scope, BodyReader<B> reader) {
    Caller caller = AuthorizerContext.caller(event);
    if (!caller.hasScope(scope)) {
      throw new ForbiddenException("this operation needs the scope " + scope);
    }
    Map<String, String> headers = headers(event);
    B body = reader != null ? body(event, headers, reader) : null;
    return new Call<>(
        caller,
        requestId(event),
        body,
        event.getPathParameters() == null ? Map.of() : event.getPathParameters(),
        query(event),
        headers);
  }

  APIGatewayProxyResponseEvent reply(Reply<?> reply, String requestId) {
    if (reply.status() == 204) {
      // No Content: no body, and so no Content-Type either.
      var response = response(204, null, null, requestId);
      response.getHeaders().remove("Content-Type");
      return response;
    }
    if (reply.body() instanceof TextBody text) {
      var response = response(reply.status(), text.contentType(), text.text(), requestId);
      response.getHeaders().putAll(text.headers());
      return response;
    }
    return response(reply.status(), "application/json", json.write(reply.body()), requestId);
  }

  APIGatewayProxyResponseEvent problem(CsatException failure, APIGatewayProxyRequestEvent event) {
    ErrorTable.Entry entry = ErrorTable.of(failure);
    var invalidParams = failure instanceof ValidationException v ? v.invalidParams() : null;
    var response = problem(entry, failure.getMessage(), invalidParams, event);
    if (failure instanceof UnavailableException unavailable) {
      response.getHeaders().put("Retry-After", Long.toString(unavailable.retryAfter().toSeconds()));
    }
    return response;
  }

  /** A 500 that shows only the request id: the cause is in the logs, never in the response. */
  APIGatewayProxyResponseEvent internalError(APIGatewayProxyRequestEvent event) {
    return problem(ErrorTable.INTERNAL,
        "An unexpected error occurred; quote the request id when reporting it.", null, event);
  }

  static String requestId(APIGatewayProxyRequestEvent event) {
    var context = event.getRequestContext();
    return context == null || context.getRequestId() == null ? "unknown" : context.getRequestId();
  }

  private APIGatewayProxyResponseEvent problem(
      ErrorTable.Entry entry, String detail, List<dev.csat.core.InvalidParam> invalidParams,
      APIGatewayProxyRequestEvent event) {
    String requestId = requestId(event);
    var problem = new Problem(Problem.TYPE_PREFIX + entry.code(), entry.title(), entry.status(), detail,
        Objects.requireNonNullElse(event.getPath(), ""), entry.code(), requestId, invalidParams);
    return response(entry.status(), "application/problem+json", json.write(problem), requestId);
  }

  private static APIGatewayProxyResponseEvent response(int status, String contentType, String body, String requestId) {
    Map<String, String> headers = new HashMap<>();
    headers.put("Content-Type", contentType);
    headers.put("Cache-Control", "no-store");
    headers.put("x-request-id", requestId);
    return new APIGatewayProxyResponseEvent().withStatusCode(status).withHeaders(headers).withBody(body);
  }

  private <B> B body(APIGatewayProxyRequestEvent event, Map<String, String> headers, BodyReader<B> reader) {
    String raw = rawBody(event);
    String contentType = headers.get("content-type");
    if (contentType != null && !isJson(contentType)) {
      throw ValidationException.of("Content-Type", "must be application/json");
    }
    if (raw == null || raw.isBlank()) {
      throw ValidationException.of("body", "a JSON object is required");
    }
    JsonNode node;
    try {
      node = json.read(raw);
    } catch (JsonProcessingException e) {
      var location = e.getLocation();
      throw ValidationException.of("body", location == null
          ? "is not valid JSON"
          : "is not valid JSON (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")");
    }
    if (!(node instanceof ObjectNode object)) {
      throw ValidationException.of("body", "must be a JSON object");
    }
    Checks checks = new Checks();
    rejectNullBytes(object, "", checks);
    checks.throwIfAny();
    B value = reader.read(new JsonBody(object, checks));
    checks.throwIfAny();
    return value;
  }

  private static String rawBody(APIGatewayProxyRequestEvent event) {
    String body = event.getBody();
    if (body == null) {
      return null;
    }
    boolean base64 = Boolean.TRUE.equals(event.getIsBase64Encoded());
    byte[] bytes;
    try {
      bytes = base64 ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ValidationException.of("body", "is not valid base64");
    }
    if (bytes.length > Limits.MAX_BODY_BYTES) {
      throw new ContentTooLargeException("the request body is larger than " + Limits.MAX_BODY_BYTES + " bytes");
    }
    return base64 ? strictUtf8(bytes) : body;
  }

  /** Refuses invalid UTF-8 rather than silently replacing it. */
  private static String strictUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw ValidationException.of("body", "is not valid UTF-8");
    }
  }

  private static boolean isJson(String contentType) {
    String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return mediaType.equals("application/json") || mediaType.endsWith("+json");
  }

  /** NULL bytes are refused anywhere: in keys and values, however deep. */
  private static void rejectNullBytes(JsonNode node, String path, Checks checks) {
    if (node.isTextual() && node.textValue().indexOf('\0') >= 0) {
      checks.add(path, "must not contain NULL bytes");
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        var field = it.next();
        String name = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        if (field.getKey().indexOf('\0') >= 0) {
          checks.add(name.replace("\0", "\\u0000"), "field names must not contain NULL bytes");
        } else {
          rejectNullBytes(field.getValue(), name, checks);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        rejectNullBytes(node.get(i), path + "[" + i + "]", checks);
      }
    }
  }

  /** The request's Origin header (names are case-insensitive), or null. */
  private static String origin(APIGatewayProxyRequestEvent event) {
    if (event.getHeaders() != null) {
      for (var header : event.getHeaders().entrySet()) {
        if ("origin".equalsIgnoreCase(header.getKey())) {
          return header.getValue();
        }
      }
    }
    if (event.getMultiValueHeaders() != null) {
      for (var header : event.getMultiValueHeaders().entrySet()) {
        if ("origin".equalsIgnoreCase(header.getKey()) && header.getValue() != null && !header.getValue().isEmpty()) {
          return header.getValue().getFirst();
        }
      }
    }
    return null;
  }

  private static Map<String, String> headers(APIGatewayProxyRequestEvent event) {
    Map<String, String> headers = new HashMap<>();
    if (event.getHeaders() != null) {
      event.getHeaders().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
    }
    return headers;
  }

  private static Map<String, List<String>> query(APIGatewayProxyRequestEvent event) {
    if (event.getMultiValueQueryStringParameters() != null) {
      return event.getMultiValueQueryStringParameters();
    }
    Map<String, List<String>> query = new HashMap<>();
    if (event.getQueryStringParameters() != null) {
      event.getQueryStringParameters().forEach((name, value) -> query.put(name, List.of(value)));
    }
    return query;
  }
}
