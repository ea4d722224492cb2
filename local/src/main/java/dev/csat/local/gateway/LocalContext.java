package dev.csat.local.gateway;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The Lambda {@link Context} of one local invocation: what the runtime would report for a
 * function of {@value #MEMORY_MB} MB, with the remaining time counted down from a deadline and a
 * {@link LambdaLogger} writing to stderr (stdout is the CLI's, for results).
 */
public final class LocalContext implements Context {
  /** API Gateway gives up on an integration after 29 s. */
  public static final Duration API_GATEWAY_TIMEOUT = Duration.ofSeconds(29);
  static final int MEMORY_MB = 1024;
  private static final String REGION = "us-east-1";

  private final String requestId;
  private final String functionName;
  private final long deadlineNanos;
  private final String logStreamName;
  private final LambdaLogger logger;

  private LocalContext(String requestId, String functionName, Duration timeout, PrintStream log) {
    this.requestId = requestId;
    this.functionName = functionName;
    this.deadlineNanos = System.nanoTime() + timeout.toNanos();
    this.logStreamName = DateTimeFormatter.ofPattern("yyyy/MM/dd").format(LocalDate.now(ZoneOffset.UTC))
        + "/[$LATEST]" + UUID.randomUUID().toString().replace("-", "");
    this.logger = new StderrLogger(log);
  }

  /** @param functionName the function's logical id in the template */
  public static LocalContext of(String requestId, String functionName, Duration timeout) {
    return new LocalContext(requestId, functionName, timeout, System.err);
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + functionName;
  }

  @Override
  public String getLogStreamName() {
    return logStreamName;
  }

  @Override
  public String getFunctionName() {
    return functionName;
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:" + REGION + ":" + ProxyEvents.ACCOUNT_ID + ":function:" + functionName;
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return (int) Math.max(0, Duration.ofNanos(deadlineNanos - System.nanoTime()).toMillis());
  }

  @Override
  public int getMemoryLimitInMB() {
    return MEMORY_MB;
  }

  @Override
  public LambdaLogger getLogger() {
    return logger;
  }

  private record StderrLogger(PrintStream out) implements LambdaLogger {
    @Override
    public void log(String message) {
      // The Lambda runtime frames each call as one log event; here that is one line.
      out.print(message.endsWith("\n") ? message : message + "\n");
      out.flush();
    }

    @Override
    public void log(byte[] message) {
      log(new String(message, StandardCharsets.UTF_8));
    }
  }
}
