package dev.csat.core;

/** The request body is over the size limit: 413. */
public final class ContentTooLargeException extends CsatException {
  public ContentTooLargeException(String detail) {
    super(detail);
  }
}
