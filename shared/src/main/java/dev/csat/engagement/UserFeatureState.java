package dev.csat.engagement;

import dev.csat.interactions.PromptRule;
import dev.csat.interactions.TrackedInteraction;
import java.time.Instant;

/**
 * One user's prompting state on one feature, as analytics shows it: the stored counters, the
 * feature's thresholds, whether the prompt is due now ({@link PromptRule}), and when the user
 * last rated the feature through the prompt (null if never).
 */
public record UserFeatureState(
    String productKey,
    String featureKey,
    String userEmail,
    int interactionCount,
    long totalInteractionCount,
    int interactionThreshold,
    int rejectionCount,
    int rejectionThreshold,
    boolean shouldRequestFeedback,
    Instant lastFeedbackAt,
    Instant createdAt,
    Instant updatedAt) {

  public static UserFeatureState of(String productKey, TrackedInteraction tracked, Instant now) {
    var interaction = tracked.interaction();
    var settings = tracked.settings();
    return new UserFeatureState(productKey, interaction.featureKey(), interaction.userEmail(),
        interaction.interactionCount(), interaction.totalInteractionCount(), settings.interactionThreshold(),
        interaction.rejectionCount(), settings.rejectionThreshold(),
        PromptRule.shouldRequestFeedback(interaction, settings, now),
        interaction.lastFeedbackAt(), interaction.createdAt(), interaction.updatedAt());
  }
}
