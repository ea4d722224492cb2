package dev.csat.http;

import dev.csat.auth.Caller;
import dev.csat.core.Checks;
import dev.csat.core.ForbiddenException;
import dev.csat.core.ValidationException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One API call as a handler sees it: who calls (from the authorizer context), the parsed and
 * validated body, and the raw path, query and header values.
 */
public record Call<B>(
    Caller caller,
    String requestId,
    B body,
    Map<String, String> pathParameters,
    Map<String, List<String>> queryParameters,
    Map<String, String> headers) {

  /** The tenant every read and write of this call is confined to. */
  public String tenant() {
    return caller.tenant();
  }

  /**
   * Refuses to act for another user than an end-user token's own: 403. Callers with service
   * credentials (no email) may act for any user of their tenant.
   */
  public void requireActingFor(String userEmail) {
    if (caller.isEndUser() && !caller.email().equals(userEmail)) {
      throw new ForbiddenException("this token may only act for " + caller.email());
    }
  }

  /** A path parameter that must be a key ({@code [A-Za-z0-9._+-]{1,255}}); 400 otherwise. */
  public String pathKey(String name) {
    Checks checks = new Checks();
    String value = checks.key(name, pathParameters.get(name));
    if (value == null && !checks.hasProblemWith(name)) {
      checks.add(name, "is required");
    }
    checks.throwIfAny();
    return value;
  }

  /** Every value of a query parameter, in order (repeated parameters included). */
  public List<String> query(String name) {
    return queryParameters.getOrDefault(name, List.of());
  }

  /**
   * The optional {@code Idempotency-Key} header: a retry under the same key returns the first
   * result. 400 unless 1 to 255 visible ASCII characters.
   */
  public String idempotencyKey() {
    String key = header("Idempotency-Key");
    if (key != null && !key.matches("[\\x21-\\x7E]{1,255}")) {
      throw ValidationException.of("Idempotency-Key", "must be 1 to 255 visible ASCII characters");
    }
    return key;
  }

  /** A path parameter that must be a UUID; 400 otherwise. */
  public UUID pathUuid(String name) {
    String value = pathParameters.get(name);
    try {
      if (value != null && value.length() == 36) {
        return UUID.fromString(value);
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw ValidationException.of(name, "must be a UUID");
  }

  /** A header value by case-insensitive name, or null. */
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }
}
