package dev.csat.local.gateway;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An HTTP request as the gateway received it, before any routing: independent of the HTTP
 * server, so event building is testable without one.
 *
 * @param rawPath the path as sent (still percent-encoded)
 * @param rawQuery the query string as sent, without {@code ?}; null when there is none
 * @param headers every header value by name, in arrival order
 * @param body the body bytes; empty when there is none
 */
public record IncomingRequest(
    String method,
    String rawPath,
    String rawQuery,
    Map<String, List<String>> headers,
    byte[] body,
    String sourceIp,
    int localPort,
    String protocol,
    Instant receivedAt) {}
