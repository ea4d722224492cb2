package dev.csat.http;

/** Turns a request body into the command a handler needs, recording problems in the body's checks. */
@FunctionalInterface
public interface BodyReader<B> {
  B read(JsonBody body);

  /** For operations without a request body (GET): any body sent is ignored, as API Gateway does. */
  static BodyReader<Void> none() {
    return body -> null;
  }
}
