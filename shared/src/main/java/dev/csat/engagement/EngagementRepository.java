package dev.csat.engagement;

import dev.csat.feedback.InboxFeedback;
import dev.csat.interactions.FeatureRef;
import dev.csat.interactions.Interaction;
import dev.csat.interactions.PromptSettings;
import dev.csat.interactions.TrackedInteraction;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Port: the prompting counters and feedbacks read per respondent, per feature and per product.
 * Every method is one statement and reads one tenant's rows only.
 */
public interface EngagementRepository {

  /**
   * The user's interaction rows on every feature of the tenant, by product and feature, and up
   * to {@code limit} of their feedbacks, newest first, older than {@code beforeId} (null: from
   * the newest). Fewer feedbacks when they would not fit in one database response; {@code more}
   * then says so. A user without rows has empty lists.
   */
  History history(String tenant, String userEmail, UUID beforeId, int limit);

  /**
   * Up to {@code limit} users with a row for the feature, by email, after {@code afterEmail}
   * (null: from the first); with {@code due} not null only those whose prompt is (or is not) due
   * at {@code now}. Empty when the feature does not exist.
   */
  Optional<FeatureUsers> featureUsers(FeatureRef feature, String afterEmail, Boolean due, int limit, Instant now);

  /** The funnel of the product, or of its feature {@code featureKey} when not null, at {@code now}. */
  FunnelCount funnel(String tenant, String productKey, String featureKey, Instant now);

  /** An interaction row with its product and its feature's settings. */
  record TrackedFeature(String productKey, TrackedInteraction tracked) {}

  /** @param more whether older feedbacks exist beyond these */
  record History(List<TrackedFeature> interactions, List<InboxFeedback> feedbacks, boolean more) {}

  /** @param more whether users follow these */
  record FeatureUsers(PromptSettings settings, List<Interaction> users, boolean more) {}

  /** What {@link #funnel} found. */
  sealed interface FunnelCount {
    record Counted(Funnel funnel) implements FunnelCount {}

    record ProductMissing() implements FunnelCount {}

    record FeatureMissing() implements FunnelCount {}
  }
}
