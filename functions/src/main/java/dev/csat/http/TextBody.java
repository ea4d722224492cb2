package dev.csat.http;

import java.util.Map;

/** A reply body sent as it is rather than as JSON (exports), with its media type and extra headers. */
public record TextBody(String contentType, String text, Map<String, String> headers) {
  public TextBody {
    headers = Map.copyOf(headers);
  }
}
