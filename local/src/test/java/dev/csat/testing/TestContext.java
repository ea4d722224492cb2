package dev.csat.testing;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A Lambda {@link Context} as the runtime fills it, for handler tests. */
public final class TestContext implements Context {
  private final String requestId = UUID.randomUUID().toString();
  private final String functionName;

  public TestContext(String functionName) {
    this.functionName = functionName;
  }

  @Override public String getAwsRequestId() { return requestId; }
  @Override public String getLogGroupName() { return "/aws/lambda/" + functionName; }
  @Override public String getLogStreamName() { return "2026/11/22/[$LATEST]test"; }
  @Override public String getFunctionName() { return functionName; }
  @Override public String getFunctionVersion() { return "$LATEST"; }
  @Override public String getInvokedFunctionArn() {
    return "arn:aws:lambda:us-east-1:000000000000:function:" + functionName;
  }
  @Override public CognitoIdentity getIdentity() { return null; }
  @Override public ClientContext getClientContext() { return null; }
  @Override public int getRemainingTimeInMillis() { return 29_000; }
  @Override public int getMemoryLimitInMB() { return 1024; }

  @Override
  public LambdaLogger getLogger() {
    return new LambdaLogger() {
      @Override public void log(String message) { System.err.print(message); }
      @Override public void log(byte[] message) { System.err.print(new String(message, StandardCharsets.UTF_8)); }
    };
  }
}
