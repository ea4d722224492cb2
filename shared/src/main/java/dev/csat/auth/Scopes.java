package dev.csat.auth;

import java.util.Set;

/** The scopes of the specification; each operation requires exactly one (its {@code x-csat-scope}). */
public final class Scopes {
  public static final String INTERACTIONS_WRITE = "interactions:write";
  public static final String FEEDBACK_READ = "feedback:read";
  public static final String FEEDBACK_WRITE = "feedback:write";
  public static final String FEEDBACK_COMMENT = "feedback:comment";
  public static final String ANALYTICS_READ = "analytics:read";
  public static final String CATALOG_WRITE = "catalog:write";
  public static final String SURVEYS_WRITE = "surveys:write";
  public static final String CONFIG_READ = "config:read";
  public static final String CONFIG_WRITE = "config:write";
  public static final String WEBHOOKS_MANAGE = "webhooks:manage";
  public static final String KEYS_MANAGE = "keys:manage";
  public static final String DATA_ERASE = "data:erase";

  public static final Set<String> ALL = Set.of(INTERACTIONS_WRITE, FEEDBACK_READ, FEEDBACK_WRITE,
      FEEDBACK_COMMENT, ANALYTICS_READ, CATALOG_WRITE, SURVEYS_WRITE, CONFIG_READ, CONFIG_WRITE,
      WEBHOOKS_MANAGE, KEYS_MANAGE, DATA_ERASE);

  private Scopes() {}
}
