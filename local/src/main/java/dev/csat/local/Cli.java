package dev.csat.local;

import dev.csat.local.cli.Commands;
import dev.csat.local.cli.Logging;
import java.util.List;

/**
 * {@code ./csat}: runs the service locally with no AWS account and no Docker. Commands: serve,
 * token, invoke, migrate, help. stdout carries only results; logs and messages go to stderr.
 */
public final class Cli {
  private Cli() {}

  public static void main(String[] args) {
    // First, before anything initialises log4j: the functions' JSON logs go to stderr.
    Logging.toStderr();
    int status = Commands.run(List.of(args), System.out, System.err);
    System.out.flush();
    System.exit(status);
  }
}
