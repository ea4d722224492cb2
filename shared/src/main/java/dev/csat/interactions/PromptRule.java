package dev.csat.interactions;

import java.time.Duration;
import java.time.Instant;

/**
 * When to show the CSAT prompt: the feature is enabled, the user reached the interaction
 * threshold, has not dismissed the prompt as often as the rejection threshold allows, and gave
 * no feedback on this feature within its cooldown.
 *
 * <p>The increment statement applies the same cooldown test in SQL (it must, to stay one atomic
 * statement); {@code PromptRuleTest} and the flow tests pin both to this definition.
 */
public final class PromptRule {
  private PromptRule() {}

  public static boolean shouldRequestFeedback(Interaction interaction, PromptSettings settings, Instant now) {
    return settings.enabled()
        && interaction.interactionCount() >= settings.interactionThreshold()
        && interaction.rejectionCount() < settings.rejectionThreshold()
        && !inCooldown(interaction, settings, now);
  }

  public static boolean inCooldown(Interaction interaction, PromptSettings settings, Instant now) {
    Instant last = interaction.lastFeedbackAt();
    return last != null && last.plus(Duration.ofDays(settings.cooldownDays())).isAfter(now);
  }
}
