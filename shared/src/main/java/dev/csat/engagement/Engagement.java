package dev.csat.engagement;

import dev.csat.core.Fingerprint;
import dev.csat.core.NotFoundException;
import dev.csat.core.ValidationException;
import dev.csat.feedback.Cursor;
import dev.csat.feedback.CursorCodec;
import dev.csat.feedback.InboxFeedback;
import dev.csat.feedback.SortField;
import dev.csat.interactions.FeatureRef;
import dev.csat.interactions.TrackedInteraction;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Use case: per-user and funnel analytics of in-app prompting (SPEC 5.4): one respondent's
 * history, the users of a feature, and a product's funnel. Whether a prompt is due is always
 * {@link dev.csat.interactions.PromptRule} at this use case's clock.
 *
 * <p>Cursors are signed and bound to their operation, tenant and query (the user, or the
 * feature and its {@code due} filter), so an edited cursor or one of another query is a 400.
 */
public final class Engagement {
  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;

  private final EngagementRepository repository;
  private final CursorCodec cursors;
  private final Clock clock;

  public Engagement(EngagementRepository repository, CursorCodec cursors, Clock clock) {
    this.repository = repository;
    this.cursors = cursors;
    this.clock = clock;
  }

  /**
   * The user's interactions and a page of their feedbacks, newest first, after the cursor
   * {@code after} (null: the newest). A user the tenant has never seen has empty lists.
   */
  public UserHistory history(String tenant, String userEmail, int limit, String after) {
    checkLimit(limit);
    String fingerprint = Fingerprint.of("getUserHistory", tenant, userEmail);
    UUID beforeId = after == null ? null : cursors.decode(after, fingerprint, "after").id();
    Instant now = clock.instant();
    var history = repository.history(tenant, userEmail, beforeId, limit);
    List<UserFeatureState> states = history.interactions().stream()
        .map(row -> UserFeatureState.of(row.productKey(), row.tracked(), now))
        .toList();
    List<InboxFeedback> feedbacks = history.feedbacks();
    boolean more = history.more() && !feedbacks.isEmpty();
    String next = more ? cursors.encode(Cursor.after(SortField.CREATED_AT, feedbacks.getLast()), fingerprint) : null;
    return new UserHistory(userEmail, states, new Page<>(feedbacks, next, more));
  }

  /**
   * A page of the users with a row for the feature, by email, after the cursor {@code after}
   * (null: the first); with {@code due} not null only those whose prompt is (or is not) due now.
   */
  public Page<UserFeatureState> featureUsers(FeatureRef feature, Boolean due, int limit, String after) {
    checkLimit(limit);
    String fingerprint = Fingerprint.of("listFeatureUsers", feature.tenant(), feature.productKey(),
        feature.featureKey(), due == null ? null : due.toString());
    String afterEmail = after == null ? null : cursors.open(after, fingerprint, "after");
    Instant now = clock.instant();
    var users = repository.featureUsers(feature, afterEmail, due, limit, now)
        .orElseThrow(() -> featureNotFound(feature));
    List<UserFeatureState> states = users.users().stream()
        .map(user -> UserFeatureState.of(feature.productKey(), new TrackedInteraction(user, users.settings()), now))
        .toList();
    boolean more = users.more() && !states.isEmpty();
    String next = more ? cursors.sign(states.getLast().userEmail(), fingerprint) : null;
    return new Page<>(states, next, more);
  }

  /** The product's funnel now, or its feature's when {@code featureKey} is not null. */
  public Funnel funnel(String tenant, String productKey, String featureKey) {
    return switch (repository.funnel(tenant, productKey, featureKey, clock.instant())) {
      case EngagementRepository.FunnelCount.Counted counted -> counted.funnel();
      case EngagementRepository.FunnelCount.ProductMissing missing ->
          throw new NotFoundException("product '" + productKey + "' not found");
      case EngagementRepository.FunnelCount.FeatureMissing missing ->
          throw featureNotFound(FeatureRef.of(tenant, productKey, featureKey));
    };
  }

  private static void checkLimit(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ValidationException.of("limit", "must be an integer from 1 to " + MAX_LIMIT);
    }
  }

  private static NotFoundException featureNotFound(FeatureRef feature) {
    return new NotFoundException(
        "feature '" + feature.featureKey() + "' of product '" + feature.productKey() + "' not found");
  }
}
