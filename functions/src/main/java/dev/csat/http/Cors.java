package dev.csat.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which browser origins may read the API's responses, and the CORS headers that say so.
 *
 * <p>The origins come from {@value #CONFIG} (the template's {@code CorsAllowedOrigins}):
 * comma-separated exact origins such as {@code https://app.example.com,http://localhost:5173};
 * empty means no cross-origin access. There is no wildcard: an origin is allowed only when the
 * request's {@code Origin} equals one of them. The same policy answers preflights, in API Gateway
 * (the {@code options} operations of openapi.yaml) and in the local gateway; the functions add
 * {@link #responseHeaders} to what they answer.
 */
public final class Cors {
  /** The configuration variable holding the allowed origins. */
  public static final String CONFIG = "CSAT_CORS_ORIGINS";
  /** The request headers a browser may send (preflight {@code Access-Control-Allow-Headers}). */
  public static final String ALLOW_HEADERS = "Authorization, Content-Type, Idempotency-Key, X-API-Key";
  /** The response headers a script may read besides the safelisted ones. */
  public static final String EXPOSE_HEADERS = "x-request-id, Retry-After, X-Next-Cursor";
  /** How long a browser may cache a preflight answer, in seconds. */
  public static final String MAX_AGE_SECONDS = "600";

  /**
   * One origin as a browser sends it: scheme, lower-case host, optional port, no path. The
   * template's {@code CorsAllowedOrigins} AllowedPattern accepts exactly a comma-separated list of
   * these (TemplateTest keeps the two in step).
   */
  public static final Pattern ORIGIN = Pattern.compile("https?://[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?");

  private static final Cors NONE = new Cors(Set.of());

  private final Set<String> origins;

  private Cors(Set<String> origins) {
    this.origins = origins;
  }

  /** No cross-origin access at all. */
  public static Cors none() {
    return NONE;
  }

  /**
   * The policy for a comma-separated list of origins; blank means {@link #none()}.
   *
   * @throws IllegalArgumentException for an entry that is not an origin (a path, a trailing
   *     slash, upper case, {@code *}): it could never match, so it is refused rather than ignored
   */
  public static Cors of(String commaSeparated) {
    if (commaSeparated == null || commaSeparated.isBlank()) {
      return NONE;
    }
    Set<String> origins = new LinkedHashSet<>();
    for (String entry : commaSeparated.split(",", -1)) {
      String origin = entry.strip();
      if (!ORIGIN.matcher(origin).matches()) {
        throw new IllegalArgumentException(CONFIG + ": \"" + origin + "\" is not an origin: write scheme://host[:port]"
            + " in lower case, without a path or a trailing slash, origins separated by commas");
      }
      origins.add(origin);
    }
    return new Cors(Collections.unmodifiableSet(origins));
  }

  /** True when some origin is allowed. */
  public boolean enabled() {
    return !origins.isEmpty();
  }

  /** The allowed origins, in the order configured. */
  public Set<String> origins() {
    return origins;
  }

  /** True when {@code origin} (a request's {@code Origin} header, possibly null) may read responses. */
  public boolean allows(String origin) {
    return origin != null && origins.contains(origin);
  }

  /**
   * The CORS headers of an actual response to a request with this {@code Origin}: none while no
   * origin is configured; otherwise {@code Vary: Origin} (the answer depends on it, whatever it
   * is) and, for an allowed origin only, {@code Access-Control-Allow-Origin} echoing it and
   * {@code Access-Control-Expose-Headers}. No {@code Access-Control-Allow-Credentials}: callers
   * send their credential in a header, never in a cookie.
   */
  public Map<String, String> responseHeaders(String origin) {
    if (!enabled()) {
      return Map.of();
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Vary", "Origin");
    if (allows(origin)) {
      headers.put("Access-Control-Allow-Origin", origin);
      headers.put("Access-Control-Expose-Headers", EXPOSE_HEADERS);
    }
    return headers;
  }

  /**
   * The headers of a preflight answer (204) on a path that accepts {@code methods}, as the
   * {@code options} operations of openapi.yaml give them: the methods, headers and max age
   * always; {@code Access-Control-Allow-Origin} only for an allowed origin.
   */
  public Map<String, String> preflightHeaders(String origin, List<String> methods) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (allows(origin)) {
      headers.put("Access-Control-Allow-Origin", origin);
    }
    headers.put("Access-Control-Allow-Methods", allowMethods(methods));
    headers.put("Access-Control-Allow-Headers", ALLOW_HEADERS);
    headers.put("Access-Control-Max-Age", MAX_AGE_SECONDS);
    headers.put("Vary", "Origin");
    return headers;
  }

  /** A path's methods as a preflight lists them: sorted, upper case, then OPTIONS. */
  public static String allowMethods(List<String> methods) {
    return String.join(", ", methods.stream().map(m -> m.toUpperCase(Locale.ROOT))
        .filter(m -> !m.equals("OPTIONS")).distinct().sorted().toList()) + ", OPTIONS";
  }

  @Override
  public String toString() {
    return enabled() ? String.join(",", origins) : "(no cross-origin access)";
  }
}
