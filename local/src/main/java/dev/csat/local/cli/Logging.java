package dev.csat.local.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/** Log settings of the local tools; the functions' own (log4j2.xml) stay as in Lambda. */
public final class Logging {
  private Logging() {}

  /**
   * Sends the functions' JSON logs to stderr, keeping stdout for results, and keeps embedded
   * PostgreSQL's start-up chatter (a dozen lines per start) out of the way unless it goes wrong.
   * Must run before anything initialises log4j.
   */
  public static void toStderr() {
    System.setProperty("csat.log.target", "SYSTEM_ERR");
    Configurator.setLevel("io.zonky", Level.WARN);
  }
}
