package dev.csat.http;

/** Turns a request body into the command a handler needs, recording problems in the body's checks. */
@FunctionalInterface
public interface BodyReader<B> {
  B read(JsonBody body);
}
