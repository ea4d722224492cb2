package dev.csat.analytics;

import dev.csat.feedback.Scale;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The metrics of the ratings given on one scale, from their distribution ({@code distribution[i]}
 * counts rating {@code scale.min() + i}; at least one rating).
 *
 * <ul>
 *   <li>CSAT %: the share of top ratings: 4 and 5 of 1-5, 9 and 10 of 1-10, thumbs up.
 *   <li>Above midpoint %: the share above the scale's middle: 4-5 of 1-5 (above 3), 6-10 of
 *       1-10 (above 5.5), thumbs up.
 *   <li>Median: the middle rating, or the mean of the two middle ratings of an even count.
 * </ul>
 * Averages are rounded to 2 decimals, percentages to 1, half to even.
 */
public record ScaleSummary(Scale scale, long count, long sum, BigDecimal average, BigDecimal median,
    BigDecimal csatPercent, BigDecimal aboveMidpointPercent, long[] distribution) {

  static ScaleSummary of(Scale scale, long[] distribution) {
    long count = 0;
    long sum = 0;
    long top = 0;
    long above = 0;
    for (int i = 0; i < distribution.length; i++) {
      int rating = scale.min() + i;
      count += distribution[i];
      sum += rating * distribution[i];
      if (rating >= topFrom(scale)) {
        top += distribution[i];
      }
      if (2 * rating > scale.min() + scale.max()) {
        above += distribution[i];
      }
    }
    BigDecimal average = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_EVEN);
    return new ScaleSummary(scale, count, sum, average, median(scale, distribution, count),
        percent(top, count), percent(above, count), distribution.clone());
  }

  /** The lowest rating that counts as satisfied. */
  public static int topFrom(Scale scale) {
    return switch (scale) {
      case TEN -> 9;
      case FIVE -> 4;
      case THUMBS -> 1;
    };
  }

  private static BigDecimal median(Scale scale, long[] distribution, long count) {
    long twice = ratingAt(scale, distribution, (count - 1) / 2) + ratingAt(scale, distribution, count / 2);
    return twice % 2 == 0 ? BigDecimal.valueOf(twice / 2) : BigDecimal.valueOf(twice).divide(BigDecimal.TWO);
  }

  /** The rating at 0-based position {@code position} of the sorted ratings. */
  private static long ratingAt(Scale scale, long[] distribution, long position) {
    long seen = 0;
    for (int i = 0; i < distribution.length; i++) {
      seen += distribution[i];
      if (seen > position) {
        return scale.min() + i;
      }
    }
    throw new IllegalStateException("position " + position + " beyond " + seen + " ratings");
  }

  private static BigDecimal percent(long part, long whole) {
    return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_EVEN);
  }
}
