package dev.csat.interactions;

import java.time.Instant;

/** A user's prompting state for one feature, as the web app sees it. */
public record InteractionState(
    String featureKey,
    String userEmail,
    int interactionCount,
    long totalInteractionCount,
    int interactionThreshold,
    int rejectionCount,
    int rejectionThreshold,
    boolean shouldRequestFeedback,
    Instant createdAt,
    Instant updatedAt) {

  public static InteractionState of(Interaction interaction, PromptSettings settings, Instant now) {
    return new InteractionState(
        interaction.featureKey(),
        interaction.userEmail(),
        interaction.interactionCount(),
        interaction.totalInteractionCount(),
        settings.interactionThreshold(),
        interaction.rejectionCount(),
        settings.rejectionThreshold(),
        PromptRule.shouldRequestFeedback(interaction, settings, now),
        interaction.createdAt(),
        interaction.updatedAt());
  }
}
