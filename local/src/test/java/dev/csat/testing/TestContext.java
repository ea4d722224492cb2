package dev.csat.testing;

import com.amazonaws.services.lambda.runtime.Context;
import dev.csat.local.gateway.LocalContext;
import java.util.UUID;

/** The Lambda context of a test invocation: the same one the local gateway gives a function. */
public final class TestContext {
  private TestContext() {}

  public static Context of(String functionName) {
    return LocalContext.of(UUID.randomUUID().toString(), functionName, LocalContext.API_GATEWAY_TIMEOUT);
  }
}
