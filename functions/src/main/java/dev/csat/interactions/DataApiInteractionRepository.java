package dev.csat.interactions;

import dev.csat.data.DataApi;
import dev.csat.data.Row;
import dev.csat.data.SqlParams;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link InteractionRepository} on Aurora through the Data API. Every method is one statement:
 * an upsert whose {@code ON CONFLICT DO UPDATE} row lock serialises concurrent calls for the same
 * user and feature, so no update is ever lost, with CTEs to read the feature in the same trip.
 */
public final class DataApiInteractionRepository implements InteractionRepository {
  private static final String FEATURE = """
      feature AS (
        SELECT interaction_threshold, rejection_threshold, cooldown_days, enabled FROM features
        WHERE tenant_id = :tenant AND product_key = :product_key AND feature_key = :feature_key
      )""";

  private static final String RESULT = """
      SELECT c.feature_key, c.user_email, c.interaction_count, c.total_interaction_count,
             c.rejection_count, c.last_feedback_at, c.created_at, c.updated_at,
             f.interaction_threshold, f.rejection_threshold, f.cooldown_days, f.enabled
      FROM changed AS c CROSS JOIN feature AS f""";

  // Within the cooldown after a feedback only the all-time total counts (PromptRule.inCooldown).
  private static final String INCREMENT = """
      WITH %s, changed AS (
        INSERT INTO feature_interactions AS fi
          (tenant_id, product_key, feature_key, user_email, interaction_count,
           total_interaction_count, rejection_count, created_at, updated_at)
        SELECT :tenant, :product_key, :feature_key, :user_email, 1, 1, 0, :now, :now FROM feature
        ON CONFLICT (tenant_id, product_key, feature_key, user_email) DO UPDATE SET
          interaction_count = fi.interaction_count + CASE
            WHEN fi.last_feedback_at > :now::timestamptz
                 - make_interval(days => (SELECT cooldown_days FROM feature)) THEN 0
            ELSE 1 END,
          total_interaction_count = fi.total_interaction_count + 1,
          updated_at = :now
        RETURNING fi.*
      )
      %s""".formatted(FEATURE, RESULT);

  private static final String REJECT = """
      WITH %s, changed AS (
        INSERT INTO feature_interactions AS fi
          (tenant_id, product_key, feature_key, user_email, interaction_count,
           total_interaction_count, rejection_count, created_at, updated_at)
        SELECT :tenant, :product_key, :feature_key, :user_email, 0, 0, 1, :now, :now FROM feature
        ON CONFLICT (tenant_id, product_key, feature_key, user_email) DO UPDATE SET
          interaction_count = 0,
          rejection_count = fi.rejection_count + 1,
          updated_at = :now
        RETURNING fi.*
      )
      %s""".formatted(FEATURE, RESULT);

  // No row: unknown product. One row with a NULL feature_key: a product without features.
  private static final String LIST_FOR_USER = """
      SELECT f.feature_key, f.interaction_threshold, f.rejection_threshold, f.cooldown_days, f.enabled,
             fi.user_email, fi.interaction_count, fi.total_interaction_count, fi.rejection_count,
             fi.last_feedback_at, fi.created_at, fi.updated_at
      FROM products AS p
      LEFT JOIN features AS f ON f.tenant_id = p.tenant_id AND f.product_key = p.product_key
      LEFT JOIN feature_interactions AS fi
        ON fi.tenant_id = f.tenant_id AND fi.product_key = f.product_key
       AND fi.feature_key = f.feature_key AND fi.user_email = :user_email
      WHERE p.tenant_id = :tenant AND p.product_key = :product_key
      ORDER BY f.feature_key""";

  // Stores the feedback and resets the user's counters in the same statement. A retry under the
  // same idempotency key changes nothing: ON CONFLICT DO UPDATE (a no-op update) waits for and
  // returns the first submission, even one committed by a concurrent request a moment ago. The
  // counters are reset only for a new feedback (id = :id). Always one row: feature_exists says
  // whether anything could be stored at all.
  private static final String SUBMIT_FEEDBACK = """
      WITH feature AS (
        SELECT 1 FROM features
        WHERE tenant_id = :tenant AND product_key = :product_key AND feature_key = :feature_key
      ), stored AS (
        INSERT INTO feedbacks (id, tenant_id, product_key, feature_key, user_email, rating, source,
                               comment, user_agent, idempotency_key, request_fingerprint,
                               created_at, updated_at)
        SELECT :id, :tenant, :product_key, :feature_key, :user_email, :rating, :source,
               :comment, :user_agent, :idempotency_key, :fingerprint, :now, :now
        FROM feature
        ON CONFLICT (tenant_id, idempotency_key) WHERE idempotency_key IS NOT NULL
        DO UPDATE SET idempotency_key = EXCLUDED.idempotency_key
        RETURNING *
      ), reset AS (
        INSERT INTO feature_interactions AS fi
          (tenant_id, product_key, feature_key, user_email, interaction_count,
           total_interaction_count, rejection_count, last_feedback_at, created_at, updated_at)
        SELECT tenant_id, product_key, feature_key, user_email, 0, 0, 0, created_at, created_at, created_at
        FROM stored WHERE id = :id
        ON CONFLICT (tenant_id, product_key, feature_key, user_email) DO UPDATE SET
          interaction_count = 0,
          rejection_count = 0,
          -- Feedbacks from Lambdas with slightly different clocks may commit out of order.
          last_feedback_at = GREATEST(fi.last_feedback_at, EXCLUDED.last_feedback_at),
          updated_at = EXCLUDED.updated_at
      )
      SELECT EXISTS (SELECT 1 FROM feature) AS feature_exists, s.id, s.product_key, s.feature_key,
             s.user_email, s.rating, s.source, s.comment, s.user_agent, s.request_fingerprint,
             s.created_at, s.updated_at
      FROM (SELECT 1) AS one LEFT JOIN stored AS s ON true""";

  private final DataApi db;

  public DataApiInteractionRepository(DataApi db) {
    this.db = db;
  }

  @Override
  public Optional<TrackedInteraction> increment(FeatureRef feature, String userEmail, Instant now) {
    return db.query(INCREMENT, params(feature, userEmail, now)).stream().findFirst().map(this::tracked);
  }

  @Override
  public Optional<TrackedInteraction> reject(FeatureRef feature, String userEmail, Instant now) {
    return db.query(REJECT, params(feature, userEmail, now)).stream().findFirst().map(this::tracked);
  }

  @Override
  public Optional<List<TrackedInteraction>> listForUser(String tenant, String productKey, String userEmail) {
    var params = SqlParams.of().text("tenant", tenant).text("product_key", productKey).text("user_email", userEmail);
    List<Row> rows = db.query(LIST_FOR_USER, params);
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(rows.stream()
        .filter(row -> !row.isNull("feature_key"))
        .map(row -> row.isNull("user_email")
            ? new TrackedInteraction(Interaction.none(row.text("feature_key"), userEmail), settings(row))
            : tracked(row))
        .toList());
  }

  @Override
  public FeedbackSubmission submitFeedback(FeatureRef feature, NewFeedback feedback, UUID newId, Instant now) {
    String fingerprint = feedback.fingerprint(feature);
    var params = params(feature, feedback.userEmail(), now)
        .uuid("id", newId)
        .integer("rating", feedback.rating())
        .text("source", feedback.source().wireName())
        .text("comment", feedback.comment())
        .text("user_agent", feedback.userAgent())
        .text("idempotency_key", feedback.idempotencyKey())
        .text("fingerprint", fingerprint);
    Row row = db.query(SUBMIT_FEEDBACK, params).getFirst();
    if (!row.bool("feature_exists")) {
      return new FeedbackSubmission.FeatureMissing();
    }
    boolean retry = !row.uuid("id").equals(newId);
    if (retry && !row.text("request_fingerprint").equals(fingerprint)) {
      return new FeedbackSubmission.KeyReused();
    }
    return new FeedbackSubmission.Stored(new Feedback(
        row.uuid("id"),
        row.text("product_key"),
        row.text("feature_key"),
        row.text("user_email"),
        row.integer("rating"),
        FeedbackSource.fromWire(row.text("source")).orElseThrow(),
        row.text("comment"),
        row.text("user_agent"),
        row.instant("created_at"),
        row.instant("updated_at")));
  }

  private static SqlParams params(FeatureRef feature, String userEmail, Instant now) {
    return SqlParams.of()
        .text("tenant", feature.tenant())
        .text("product_key", feature.productKey())
        .text("feature_key", feature.featureKey())
        .text("user_email", userEmail)
        .timestamp("now", now);
  }

  private TrackedInteraction tracked(Row row) {
    return new TrackedInteraction(InteractionRows.interaction(row, row.text("feature_key")), settings(row));
  }

  private static PromptSettings settings(Row row) {
    return new PromptSettings(
        row.integer("interaction_threshold"),
        row.integer("rejection_threshold"),
        row.integer("cooldown_days"),
        row.bool("enabled"));
  }
}
