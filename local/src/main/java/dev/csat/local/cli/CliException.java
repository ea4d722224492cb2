package dev.csat.local.cli;

/** A failure the user can act on: the CLI prints its message as one line and exits non-zero. */
public final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CliException(String message) {
    super(message);
  }

  public CliException(String message, Throwable cause) {
    super(message, cause);
  }
}
