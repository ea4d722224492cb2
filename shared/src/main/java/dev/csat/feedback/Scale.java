package dev.csat.feedback;

/** The scale a rating was given on. Thumbs are 0 (down) and 1 (up). */
public enum Scale implements WireNamed {
  TEN("1-10", 1, 10),
  FIVE("1-5", 1, 5),
  THUMBS("thumbs", 0, 1);

  private final String wireName;
  private final int min;
  private final int max;

  Scale(String wireName, int min, int max) {
    this.wireName = wireName;
    this.min = min;
    this.max = max;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  public int min() {
    return min;
  }

  public int max() {
    return max;
  }

  public boolean contains(int rating) {
    return rating >= min && rating <= max;
  }
}
