package dev.csat.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.csat.feedback.Scale;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ScaleSummaryTest {
  @Test
  void anOddCountHasTheMiddleRatingAsItsMedian() {
    // 1, 3, 4, 5, 5
    ScaleSummary summary = ScaleSummary.of(Scale.FIVE, new long[] {1, 0, 1, 1, 2});
    assertEquals(new BigDecimal("4"), summary.median());
    assertEquals(new BigDecimal("3.60"), summary.average());
    assertEquals(new BigDecimal("60.0"), summary.csatPercent());
    assertEquals(new BigDecimal("60.0"), summary.aboveMidpointPercent());
  }

  @Test
  void anEvenCountHasTheMeanOfTheTwoMiddleRatings() {
    // 7, 8 on the 1-10 scale
    long[] distribution = new long[10];
    distribution[6] = 1;
    distribution[7] = 1;
    ScaleSummary summary = ScaleSummary.of(Scale.TEN, distribution);
    assertEquals(new BigDecimal("7.5"), summary.median());
    assertEquals(new BigDecimal("0.0"), summary.csatPercent());
    assertEquals(new BigDecimal("100.0"), summary.aboveMidpointPercent());
  }

  @Test
  void thumbsUpAreTheSatisfiedShare() {
    ScaleSummary summary = ScaleSummary.of(Scale.THUMBS, new long[] {1, 2});
    assertEquals(new BigDecimal("66.7"), summary.csatPercent());
    assertEquals(new BigDecimal("1"), summary.median());
  }

  @Test
  void onTheTenScaleSixIsAboveTheMidpointAndNineIsSatisfied() {
    long[] distribution = new long[10];
    distribution[4] = 1; // 5
    distribution[5] = 1; // 6
    distribution[8] = 2; // 9
    ScaleSummary summary = ScaleSummary.of(Scale.TEN, distribution);
    assertEquals(new BigDecimal("50.0"), summary.csatPercent());
    assertEquals(new BigDecimal("75.0"), summary.aboveMidpointPercent());
    assertEquals(new BigDecimal("7.25"), summary.average());
  }
}
