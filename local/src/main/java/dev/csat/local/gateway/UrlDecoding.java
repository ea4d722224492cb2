package dev.csat.local.gateway;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Percent-decoding as API Gateway applies it: {@code +} is a space in a query, a plus in a path. */
final class UrlDecoding {
  private UrlDecoding() {}

  /** A path segment; malformed escapes are left as sent rather than failing the request. */
  static String pathSegment(String raw) {
    return decode(raw.replace("+", "%2B"), raw);
  }

  /** A query-string name or value. */
  static String query(String raw) {
    return decode(raw, raw);
  }

  private static String decode(String text, String fallback) {
    if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
      return text;
    }
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return fallback;
    }
  }
}
