package dev.csat.engagement;

/**
 * The prompting funnel over a set of interaction rows (one per user and feature).
 *
 * @param usersWithInteractions users with a row: they used the feature, dismissed its prompt or
 *     rated it through the prompt
 * @param usersDuePrompt users whose prompt is due now ({@link dev.csat.interactions.PromptRule})
 * @param usersExhausted users whose rejection count reached the feature's rejection threshold
 * @param usersWithFeedback users who rated through the prompt at least once ({@code last_feedback_at})
 * @param dismissals the sum of the rows' rejection counts: dismissals since each user's last
 *     rating of the feature (a rating resets the count), not an all-time total
 */
public record FunnelCounts(
    long usersWithInteractions,
    long usersDuePrompt,
    long usersExhausted,
    long usersWithFeedback,
    long dismissals) {}
