package dev.csat.http;

/** What a handler answers: a status and a body to render as JSON. */
public record Reply<R>(int status, R body) {
  public static <R> Reply<R> ok(R body) {
    return new Reply<>(200, body);
  }

  public static <R> Reply<R> created(R body) {
    return new Reply<>(201, body);
  }

  /** 204: done, nothing to show. */
  public static <R> Reply<R> noContent() {
    return new Reply<>(204, null);
  }
}
