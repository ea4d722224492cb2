package dev.csat.apikeys;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The usage plan in memory: which gateway keys exist, and a switch to make the next call fail. */
final class RecordingUsagePlanKeys implements UsagePlanKeys {
  /** Gateway key id to the API key it meters. */
  final Map<String, UUID> meters = new LinkedHashMap<>();
  RuntimeException nextFailure;
  private int created;

  @Override
  public String add(UUID apiKeyId) {
    failIfAsked();
    String id = "gw" + ++created;
    meters.put(id, apiKeyId);
    return id;
  }

  @Override
  public void remove(String usageKeyId) {
    failIfAsked();
    meters.remove(usageKeyId);
  }

  private void failIfAsked() {
    RuntimeException failure = nextFailure;
    nextFailure = null;
    if (failure != null) {
      throw failure;
    }
  }
}
