package dev.csat.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;

/** Random but valid ratings for the tests that fill the inbox with many feedbacks. */
public final class RandomRatings {
  /** Every source, by wire name. */
  public static final String[] SOURCES = {"prompted", "voluntary", "survey", "ticket", "carrier", "shop", "api"};

  private RandomRatings() {}

  /** Puts a random scale, a rating on it and a source into a feedback body. */
  public static void put(ObjectNode body, Random random) {
    String scale = new String[] {"1-5", "1-10", "thumbs"}[random.nextInt(3)];
    body.put("scale", scale);
    body.put("rating", switch (scale) {
      case "1-5" -> 1 + random.nextInt(5);
      case "1-10" -> 1 + random.nextInt(10);
      default -> random.nextInt(2);
    });
    body.put("source", SOURCES[random.nextInt(SOURCES.length)]);
  }
}
