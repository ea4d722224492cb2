package dev.csat.core;

/** The service-wide input limits of the specification, in one place. */
public final class Limits {
  /** Largest accepted request body, in bytes (512 KiB). */
  public static final int MAX_BODY_BYTES = 512 * 1024;
  /** Longest free-text comment, in characters. */
  public static final int MAX_COMMENT_LENGTH = 10_000;
  /**
   * Most unrevoked API keys a tenant may hold. Each has an API Gateway key as its meter, and an
   * AWS account has 10,000 of those per Region for all tenants together.
   */
  public static final int MAX_ACTIVE_API_KEYS = 100;
  /** Longest short text such as a name, an email or an idempotency key. */
  public static final int MAX_NAME_LENGTH = 255;
  /** Longest browser user-agent string kept. */
  public static final int MAX_USER_AGENT_LENGTH = 1_000;

  private Limits() {}
}
