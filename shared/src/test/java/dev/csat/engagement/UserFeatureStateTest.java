package dev.csat.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.csat.interactions.Interaction;
import dev.csat.interactions.PromptRule;
import dev.csat.interactions.PromptSettings;
import dev.csat.interactions.TrackedInteraction;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserFeatureStateTest {
  private static final Instant NOW = Instant.parse("2026-03-05T14:32:00.000Z");
  private static final PromptSettings SETTINGS = new PromptSettings(5, 3, 30, true);

  @Test
  void showsTheRowTheThresholdsAndPromptRulesAnswer() {
    Instant rated = NOW.minus(Duration.ofDays(40));
    var interaction = new Interaction("dashboard", "user@example.com", 5, 12, 1, rated, NOW.minusSeconds(60), NOW);
    var state = UserFeatureState.of("acme-app", new TrackedInteraction(interaction, SETTINGS), NOW);
    assertEquals(new UserFeatureState("acme-app", "dashboard", "user@example.com", 5, 12, 5, 1, 3, true, rated,
        NOW.minusSeconds(60), NOW), state);
  }

  @Test
  void isDueExactlyWhenPromptRuleSaysSo() {
    for (int uses = 0; uses <= 6; uses++) {
      for (int rejections = 0; rejections <= 4; rejections++) {
        for (Instant rated : new Instant[] {null, NOW, NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(29))}) {
          for (boolean enabled : new boolean[] {true, false}) {
            var settings = new PromptSettings(5, 3, 30, enabled);
            var interaction = new Interaction("dashboard", "u@example.com", uses, uses, rejections, rated, NOW, NOW);
            boolean due = UserFeatureState.of("p", new TrackedInteraction(interaction, settings), NOW).shouldRequestFeedback();
            assertEquals(PromptRule.shouldRequestFeedback(interaction, settings, NOW), due);
          }
        }
      }
    }
    var exhausted = new Interaction("dashboard", "u@example.com", 9, 9, 3, null, NOW, NOW);
    assertFalse(UserFeatureState.of("p", new TrackedInteraction(exhausted, SETTINGS), NOW).shouldRequestFeedback());
    var due = new Interaction("dashboard", "u@example.com", 5, 5, 2, NOW.minus(Duration.ofDays(30)), NOW, NOW);
    assertTrue(UserFeatureState.of("p", new TrackedInteraction(due, SETTINGS), NOW).shouldRequestFeedback());
  }
}
