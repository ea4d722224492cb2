package dev.csat.interactions;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PromptRuleTest {
  private static final Instant NOW = Instant.parse("2026-03-05T14:32:00.000Z");
  private static final PromptSettings SETTINGS = new PromptSettings(5, 3, 180, true);

  private static Interaction interaction(int interactions, int rejections, Instant lastFeedback) {
    return new Interaction("dashboard", "user@example.com", interactions, interactions, rejections,
        lastFeedback, NOW, NOW);
  }

  @Test
  void promptsOnceTheThresholdIsReached() {
    assertFalse(PromptRule.shouldRequestFeedback(interaction(4, 0, null), SETTINGS, NOW));
    assertTrue(PromptRule.shouldRequestFeedback(interaction(5, 0, null), SETTINGS, NOW));
    assertTrue(PromptRule.shouldRequestFeedback(interaction(6, 0, null), SETTINGS, NOW));
  }

  @Test
  void neverPromptsOnceRejectionsReachTheirThreshold() {
    assertTrue(PromptRule.shouldRequestFeedback(interaction(5, 2, null), SETTINGS, NOW));
    assertFalse(PromptRule.shouldRequestFeedback(interaction(5, 3, null), SETTINGS, NOW));
  }

  @Test
  void neverPromptsForADisabledFeature() {
    var disabled = new PromptSettings(5, 3, 180, false);
    assertFalse(PromptRule.shouldRequestFeedback(interaction(50, 0, null), disabled, NOW));
  }

  @Test
  void waitsForTheCooldownAfterAFeedback() {
    Instant justInside = NOW.minus(Duration.ofDays(180)).plusMillis(1);
    Instant exactlyOver = NOW.minus(Duration.ofDays(180));
    assertFalse(PromptRule.shouldRequestFeedback(interaction(5, 0, justInside), SETTINGS, NOW));
    assertTrue(PromptRule.shouldRequestFeedback(interaction(5, 0, exactlyOver), SETTINGS, NOW));
  }

  @Test
  void aZeroDayCooldownNeverBlocks() {
    var noCooldown = new PromptSettings(5, 3, 0, true);
    assertTrue(PromptRule.shouldRequestFeedback(interaction(5, 0, NOW), noCooldown, NOW));
  }

  @Test
  void aUserWithoutARowIsNotPrompted() {
    assertFalse(PromptRule.shouldRequestFeedback(Interaction.none("dashboard", "u@example.com"),
        new PromptSettings(1, 3, 180, true), NOW));
  }
}
