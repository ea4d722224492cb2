package dev.csat.engagement;

import dev.csat.data.DataApi;
import dev.csat.data.Row;
import dev.csat.data.SqlParams;
import dev.csat.feedback.FeedbackRows;
import dev.csat.feedback.InboxFeedback;
import dev.csat.interactions.FeatureRef;
import dev.csat.interactions.Interaction;
import dev.csat.interactions.InteractionRows;
import dev.csat.interactions.PromptSettings;
import dev.csat.interactions.TrackedInteraction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link EngagementRepository} on Aurora through the Data API: one statement per method, every
 * one filtered by tenant first.
 */
public final class DataApiEngagementRepository implements EngagementRepository {
  /**
   * {@link dev.csat.interactions.PromptRule} in SQL, over {@code fi} (feature_interactions) and
   * {@code f} (features) at {@code :now}: the list's {@code due} filter and the funnel count rows
   * the database cannot hand to Java one by one. The flow tests hold it to PromptRule in every state.
   */
  static final String DUE = """
      (f.enabled
       AND fi.interaction_count >= f.interaction_threshold
       AND fi.rejection_count < f.rejection_threshold
       AND (fi.last_feedback_at IS NULL
            OR fi.last_feedback_at + make_interval(days => f.cooldown_days) <= CAST(:now AS timestamptz)))""";

  // A Data API response may not exceed 1 MiB; rows are costed as FeedbackPageSql costs them (three
  // times their text plus an allowance for the per-field wrapping). The interactions come whole,
  // so the feedbacks get what they leave of the budget, and the first feedback always comes.
  static final int BYTE_BUDGET = 900_000;
  private static final String FEEDBACK_COST = "(1000 + 3 * octet_length(p::text))";
  private static final String INTERACTION_COST = "(1000 + 3 * octet_length(i::text))";

  // The interaction columns are prefixed so that they never share a label with a feedback's.
  // FULL JOIN ON false puts both lists in one result: a row is an interaction or a feedback.
  private static final String HISTORY = """
      WITH interactions AS (
        SELECT fi.product_key AS i_product_key, fi.feature_key AS i_feature_key,
               fi.interaction_count AS i_interaction_count, fi.total_interaction_count AS i_total_interaction_count,
               fi.rejection_count AS i_rejection_count, fi.last_feedback_at AS i_last_feedback_at,
               fi.created_at AS i_created_at, fi.updated_at AS i_updated_at,
               f.interaction_threshold AS i_interaction_threshold, f.rejection_threshold AS i_rejection_threshold,
               f.cooldown_days AS i_cooldown_days, f.enabled AS i_enabled
        FROM feature_interactions AS fi
        JOIN features AS f
          ON f.tenant_id = fi.tenant_id AND f.product_key = fi.product_key AND f.feature_key = fi.feature_key
        WHERE fi.tenant_id = :tenant AND fi.user_email = :user_email
      ), newest AS (
        SELECT %1$s
        FROM feedbacks AS f
        WHERE f.tenant_id = :tenant AND f.user_email = :user_email%2$s
        ORDER BY f.id DESC
        LIMIT :fetch
      ), page AS (
        SELECT p.*, count(*) OVER () AS fetched,
               sum(%3$s) OVER (ORDER BY p.id DESC ROWS UNBOUNDED PRECEDING) - %3$s AS bytes_before
        FROM newest AS p
      )
      SELECT i.*, p.*
      FROM interactions AS i
      FULL JOIN (
        SELECT * FROM page
        WHERE bytes_before < greatest(%5$d - (SELECT coalesce(sum(%4$s), 0) FROM interactions AS i), 1)
      ) AS p ON false
      ORDER BY i.i_product_key, i.i_feature_key, p.id DESC""";

  private static final String HISTORY_FIRST =
      HISTORY.formatted(FeedbackRows.COLUMNS, "", FEEDBACK_COST, INTERACTION_COST, BYTE_BUDGET);
  private static final String HISTORY_AFTER =
      HISTORY.formatted(FeedbackRows.COLUMNS, " AND f.id < :before_id", FEEDBACK_COST, INTERACTION_COST, BYTE_BUDGET);

  // No row: unknown feature. One row without a user_email: a feature without users (on this page).
  // The primary key (tenant, product, feature, user_email) serves the walk by email.
  private static final String FEATURE_USERS = """
      WITH feature AS (
        SELECT interaction_threshold, rejection_threshold, cooldown_days, enabled FROM features
        WHERE tenant_id = :tenant AND product_key = :product_key AND feature_key = :feature_key
      ), users AS (
        SELECT fi.user_email, fi.interaction_count, fi.total_interaction_count, fi.rejection_count,
               fi.last_feedback_at, fi.created_at, fi.updated_at
        FROM feature_interactions AS fi CROSS JOIN feature AS f
        WHERE fi.tenant_id = :tenant AND fi.product_key = :product_key AND fi.feature_key = :feature_key%s%s
        ORDER BY fi.user_email
        LIMIT :fetch
      )
      SELECT f.*, u.*
      FROM feature AS f LEFT JOIN users AS u ON true
      ORDER BY u.user_email""";

  // The totals first (feature_key NULL), then one row per feature of the scope. No row at all:
  // unknown product. The product's rows are one range of the primary key; the totals count each
  // user once (one row per user, then counted), whatever their number of features.
  private static final String FUNNEL = """
      WITH product AS (
        SELECT 1 FROM products WHERE tenant_id = :tenant AND product_key = :product_key
      ), feature AS (
        SELECT feature_key, interaction_threshold, rejection_threshold, cooldown_days, enabled FROM features
        WHERE tenant_id = :tenant AND product_key = :product_key%1$s
      ), users AS (
        SELECT fi.feature_key, fi.user_email, fi.rejection_count,
               %3$s AS due,
               fi.rejection_count >= f.rejection_threshold AS exhausted,
               fi.last_feedback_at IS NOT NULL AS rated
        FROM feature_interactions AS fi JOIN feature AS f ON f.feature_key = fi.feature_key
        WHERE fi.tenant_id = :tenant AND fi.product_key = :product_key%2$s
      )
      SELECT CAST(NULL AS text) AS feature_key,
             count(u.user_email) AS users_with_interactions,
             count(*) FILTER (WHERE u.due) AS users_due_prompt,
             count(*) FILTER (WHERE u.exhausted) AS users_exhausted,
             count(*) FILTER (WHERE u.rated) AS users_with_feedback,
             CAST(coalesce(sum(u.dismissals), 0) AS bigint) AS dismissals
      FROM product LEFT JOIN (
        SELECT user_email, bool_or(due) AS due, bool_or(exhausted) AS exhausted, bool_or(rated) AS rated,
               sum(rejection_count) AS dismissals
        FROM users GROUP BY user_email
      ) AS u ON true
      HAVING count(*) > 0
      UNION ALL
      SELECT f.feature_key,
             count(u.user_email),
             count(*) FILTER (WHERE u.due),
             count(*) FILTER (WHERE u.exhausted),
             count(*) FILTER (WHERE u.rated),
             coalesce(sum(u.rejection_count), 0)
      FROM feature AS f LEFT JOIN users AS u ON u.feature_key = f.feature_key
      GROUP BY f.feature_key
      ORDER BY feature_key NULLS FIRST""";

  private final DataApi db;

  public DataApiEngagementRepository(DataApi db) {
    this.db = db;
  }

  @Override
  public History history(String tenant, String userEmail, UUID beforeId, int limit) {
    var params = SqlParams.of().text("tenant", tenant).text("user_email", userEmail).integer("fetch", limit + 1);
    if (beforeId != null) {
      params.uuid("before_id", beforeId);
    }
    List<TrackedFeature> interactions = new ArrayList<>();
    List<InboxFeedback> feedbacks = new ArrayList<>();
    long fetched = 0;
    for (Row row : db.query(beforeId == null ? HISTORY_FIRST : HISTORY_AFTER, params)) {
      if (!row.isNull("i_feature_key")) {
        interactions.add(trackedFeature(row, userEmail));
      } else {
        fetched = row.longValue("fetched");
        feedbacks.add(FeedbackRows.read(row));
      }
    }
    boolean more = fetched > limit || fetched > feedbacks.size();
    return new History(interactions, feedbacks.size() > limit ? feedbacks.subList(0, limit) : feedbacks, more);
  }

  @Override
  public Optional<FeatureUsers> featureUsers(FeatureRef feature, String afterEmail, Boolean due, int limit,
      Instant now) {
    var params = SqlParams.of()
        .text("tenant", feature.tenant())
        .text("product_key", feature.productKey())
        .text("feature_key", feature.featureKey())
        .integer("fetch", limit + 1);
    String after = "";
    if (afterEmail != null) {
      params.text("after", afterEmail);
      after = "\n    AND fi.user_email > :after";
    }
    String dueFilter = "";
    if (due != null) {
      params.bool("due", due).timestamp("now", now);
      dueFilter = "\n    AND " + DUE + " = :due";
    }
    List<Row> rows = db.query(FEATURE_USERS.formatted(after, dueFilter), params);
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    List<Interaction> users = rows.stream()
        .filter(row -> !row.isNull("user_email"))
        .map(row -> InteractionRows.interaction(row, feature.featureKey()))
        .toList();
    boolean more = users.size() > limit;
    return Optional.of(new FeatureUsers(settings(rows.getFirst(), ""), more ? users.subList(0, limit) : users, more));
  }

  @Override
  public FunnelCount funnel(String tenant, String productKey, String featureKey, Instant now) {
    var params = SqlParams.of().text("tenant", tenant).text("product_key", productKey).timestamp("now", now);
    String sql = FUNNEL.formatted("", "", DUE);
    if (featureKey != null) {
      params.text("feature_key", featureKey);
      sql = FUNNEL.formatted(" AND feature_key = :feature_key", " AND fi.feature_key = :feature_key", DUE);
    }
    List<Row> rows = db.query(sql, params);
    if (rows.isEmpty()) {
      return new FunnelCount.ProductMissing();
    }
    if (featureKey != null && rows.size() == 1) {
      return new FunnelCount.FeatureMissing();
    }
    List<FeatureFunnel> features = rows.stream()
        .skip(1)
        .map(row -> new FeatureFunnel(row.text("feature_key"), counts(row)))
        .toList();
    return new FunnelCount.Counted(new Funnel(productKey, featureKey, counts(rows.getFirst()), features));
  }

  private static TrackedFeature trackedFeature(Row row, String userEmail) {
    var interaction = new Interaction(
        row.text("i_feature_key"),
        userEmail,
        row.integer("i_interaction_count"),
        row.longValue("i_total_interaction_count"),
        row.integer("i_rejection_count"),
        row.instant("i_last_feedback_at"),
        row.instant("i_created_at"),
        row.instant("i_updated_at"));
    return new TrackedFeature(row.text("i_product_key"), new TrackedInteraction(interaction, settings(row, "i_")));
  }

  private static PromptSettings settings(Row row, String prefix) {
    return new PromptSettings(
        row.integer(prefix + "interaction_threshold"),
        row.integer(prefix + "rejection_threshold"),
        row.integer(prefix + "cooldown_days"),
        row.bool(prefix + "enabled"));
  }

  private static FunnelCounts counts(Row row) {
    return new FunnelCounts(
        row.longValue("users_with_interactions"),
        row.longValue("users_due_prompt"),
        row.longValue("users_exhausted"),
        row.longValue("users_with_feedback"),
        row.longValue("dismissals"));
  }
}
