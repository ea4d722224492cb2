package dev.csat.engagement;

import java.util.List;

/**
 * A forward-only keyset page: {@code next} is the opaque cursor of the page after this one,
 * null on the last page; {@code hasMore} says whether one follows.
 */
public record Page<T>(List<T> data, String next, boolean hasMore) {
  public Page {
    data = List.copyOf(data);
  }
}
