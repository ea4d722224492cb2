package dev.csat.apikeys;

import java.util.UUID;

/**
 * Port: the API Gateway key that meters one of our API keys in the stack's usage plan for API
 * keys (its throttle and daily quota). The authorizer names that gateway key, by its value, in
 * {@code usageIdentifierKey}; API Gateway then applies the plan to every request the key makes.
 *
 * <p>The value is derived from the key's id ({@link #valueFor}), so the authorizer needs no
 * lookup to name it. It is not a secret: with the API key source {@code AUTHORIZER}, API Gateway
 * never reads a gateway key from the request, so knowing a value grants nothing.
 */
public interface UsagePlanKeys {
  /** Every metered key's value starts with this (alphanumeric, as API Gateway requires). */
  String VALUE_PREFIX = "csatkey";

  /** Creates the gateway key metering API key {@code apiKeyId} in the plan; returns its gateway id. */
  String add(UUID apiKeyId);

  /** Deletes the gateway key with this id; one already gone is not an error. */
  void remove(String usageKeyId);

  /** The gateway key's value for API key {@code apiKeyId}: 39 letters and digits. */
  static String valueFor(UUID apiKeyId) {
    return VALUE_PREFIX + apiKeyId.toString().replace("-", "");
  }

  /**
   * For local runs, where there is no API Gateway to configure: the local gateway meters every
   * {@link #VALUE_PREFIX} key by the template's plan without being told about it. The returned id
   * only marks the key as metered.
   */
  static UsagePlanKeys local() {
    return new UsagePlanKeys() {
      @Override
      public String add(UUID apiKeyId) {
        return "local";
      }

      @Override
      public void remove(String usageKeyId) {}
    };
  }
}
