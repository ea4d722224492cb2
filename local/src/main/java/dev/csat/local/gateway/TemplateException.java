package dev.csat.local.gateway;

/** The template cannot be read, or does not say what running it locally needs. */
public final class TemplateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  TemplateException(String message) {
    super(message);
  }

  TemplateException(String message, Throwable cause) {
    super(message, cause);
  }
}
