package dev.csat.catalog;

/** A feature to add to a product; validated, with defaults applied. */
public record NewFeature(
    String featureKey,
    String name,
    String description,
    int interactionThreshold,
    int rejectionThreshold,
    int cooldownDays,
    boolean enabled) {

  public static final int DEFAULT_COOLDOWN_DAYS = 180;
  public static final int MAX_COOLDOWN_DAYS = 3650;
  public static final int MAX_THRESHOLD = 1_000_000;

  /** "export-csv" reads as "Export csv": a name for callers who send only the key. */
  public static String nameFromKey(String featureKey) {
    String spaced = featureKey.replaceAll("[-_.+]+", " ").strip();
    if (spaced.isEmpty()) {
      return featureKey;
    }
    return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }
}
