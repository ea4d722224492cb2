package dev.csat;

/**
 * Configuration by name: a JVM system property of that name wins (local runs and tests set
 * those), else the environment variable (what Lambda and SAM set), else the default.
 */
public final class Config {
  private Config() {}

  public static String get(String name, String fallback) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      value = System.getenv(name);
    }
    return value == null || value.isBlank() ? fallback : value;
  }

  public static String required(String name) {
    String value = get(name, null);
    if (value == null) {
      throw new IllegalStateException("configuration " + name + " is not set");
    }
    return value;
  }
}
