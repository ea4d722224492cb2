package dev.csat.feedback;

import dev.csat.data.DataApi;
import dev.csat.data.Row;
import dev.csat.data.SqlParams;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link InboxRepository} on Aurora through the Data API: one statement per method. */
public final class DataApiInboxRepository implements InboxRepository {
  // Checks the product and feature, stores the feedback and names its agent in one trip. A retry
  // under the same idempotency key updates nothing and returns the first row (as the prompting
  // flow's submit does); the fingerprint then tells a true retry from a reused key. Only a new
  // feedback (id = :id) names its agent, so a refused retry changes nothing.
  private static final String CREATE = """
      WITH known AS (
        SELECT (CAST(:product_key AS text) IS NULL OR EXISTS (
                  SELECT 1 FROM products WHERE tenant_id = :tenant AND product_key = :product_key)) AS product_ok,
               (CAST(:feature_key AS text) IS NULL OR EXISTS (
                  SELECT 1 FROM features WHERE tenant_id = :tenant AND product_key = :product_key
                  AND feature_key = :feature_key)) AS feature_ok
      ), f AS (
        INSERT INTO feedbacks (id, tenant_id, product_key, feature_key, user_email, respondent_id, rating, scale,
                               comment, source, platform, reference, company_id, company_name, agent_id, carrier,
                               country, metadata, state, user_agent, idempotency_key, request_fingerprint,
                               created_at, updated_at)
        SELECT :id, :tenant, :product_key, :feature_key, :user_email, :respondent_id, :rating, :scale,
               :comment, :source, :platform, :reference, :company_id, :company_name, :agent_id, :carrier,
               :country, CAST(:metadata AS jsonb), :state, :user_agent, :idempotency_key, :fingerprint,
               :created_at, :created_at
        FROM known WHERE product_ok AND feature_ok
        ON CONFLICT (tenant_id, idempotency_key) WHERE idempotency_key IS NOT NULL
        DO UPDATE SET idempotency_key = EXCLUDED.idempotency_key
        RETURNING *
      ), agent AS (
        INSERT INTO agents AS a (tenant_id, agent_id, name, created_at, updated_at)
        SELECT :tenant, :agent_id, :agent_name, :now, :now FROM f
        WHERE f.id = :id AND CAST(:agent_id AS text) IS NOT NULL
        ON CONFLICT (tenant_id, agent_id) DO UPDATE SET name = EXCLUDED.name, updated_at = EXCLUDED.updated_at
        WHERE EXCLUDED.name IS NOT NULL AND EXCLUDED.name IS DISTINCT FROM a.name
      )
      SELECT known.product_ok, known.feature_ok, f.request_fingerprint, %s
      FROM known LEFT JOIN f ON true""".formatted(FeedbackRows.COLUMNS);

  private static final String FIND = """
      SELECT %s FROM feedbacks AS f WHERE f.tenant_id = :tenant AND f.id = :id""".formatted(FeedbackRows.COLUMNS);

  // A follow-up change in one statement; "target" tells a missing feedback from a refused change.
  private static final String FOLLOW_UP = """
      WITH target AS (
        SELECT 1 FROM feedbacks WHERE tenant_id = :tenant AND id = :id
      ), f AS (
        UPDATE feedbacks AS f SET %s
        WHERE f.tenant_id = :tenant AND f.id = :id AND f.follow_up_comment IS %s
        RETURNING %s
      )
      SELECT EXISTS (SELECT 1 FROM target) AS feedback_exists, f.*
      FROM (SELECT 1) AS one LEFT JOIN f ON true""";

  private static final String ADD_FOLLOW_UP = FOLLOW_UP.formatted("""
      follow_up_comment = :comment, follow_up_created_by = :author, follow_up_created_at = :now,
      updated_at = :now""", "NULL", FeedbackRows.COLUMNS);

  private static final String EDIT_FOLLOW_UP = FOLLOW_UP.formatted("""
      follow_up_comment = :comment, follow_up_updated_by = :author, follow_up_updated_at = :now,
      updated_at = :now""", "NOT NULL", FeedbackRows.COLUMNS);

  // Setting the state a feedback already has changes nothing, not even updated_at.
  private static final String SET_STATE = """
      UPDATE feedbacks AS f
      SET state = :state, updated_at = CASE WHEN f.state = :state THEN f.updated_at ELSE :now END
      WHERE f.tenant_id = :tenant AND f.id = :id
      RETURNING %s""".formatted(FeedbackRows.COLUMNS);

  private static final String AGENTS = """
      SELECT agent_id, name FROM agents WHERE tenant_id = :tenant
      ORDER BY coalesce(name, agent_id), agent_id LIMIT :limit""";

  private final DataApi db;

  public DataApiInboxRepository(DataApi db) {
    this.db = db;
  }

  @Override
  public Creation create(String tenant, IncomingFeedback feedback, UUID newId, Instant now) {
    String fingerprint = feedback.fingerprint();
    var params = SqlParams.of()
        .text("tenant", tenant)
        .uuid("id", newId)
        .text("product_key", feedback.productKey())
        .text("feature_key", feedback.featureKey())
        .text("user_email", feedback.userEmail())
        .text("respondent_id", feedback.respondentId())
        .integer("rating", feedback.rating())
        .text("scale", feedback.scale().wireName())
        .text("comment", feedback.comment())
        .text("source", feedback.source().wireName())
        .text("platform", feedback.platform())
        .text("reference", feedback.reference())
        .text("company_id", feedback.companyId())
        .text("company_name", feedback.companyName())
        .text("agent_id", feedback.agentId())
        .text("agent_name", feedback.agentName())
        .text("carrier", feedback.carrier())
        .text("country", feedback.country())
        .text("metadata", feedback.metadata())
        .text("state", feedback.state().wireName())
        .text("user_agent", feedback.userAgent())
        .text("idempotency_key", feedback.idempotencyKey())
        .text("fingerprint", fingerprint)
        .timestamp("created_at", feedback.createdAt() != null ? feedback.createdAt() : now)
        .timestamp("now", now);
    Row row = db.query(CREATE, params).getFirst();
    if (!row.bool("product_ok")) {
      return new Creation.ProductMissing();
    }
    if (!row.bool("feature_ok")) {
      return new Creation.FeatureMissing();
    }
    boolean retry = !row.uuid("id").equals(newId);
    if (retry && !fingerprint.equals(row.text("request_fingerprint"))) {
      return new Creation.KeyReused();
    }
    return new Creation.Stored(FeedbackRows.read(row));
  }

  @Override
  public Optional<InboxFeedback> find(String tenant, UUID id) {
    var params = SqlParams.of().text("tenant", tenant).uuid("id", id);
    return db.query(FIND, params).stream().findFirst().map(FeedbackRows::read);
  }

  @Override
  public Slice slice(FeedbackQuery query, Cursor cursor, int limit) {
    var params = SqlParams.of();
    List<Row> rows = db.query(FeedbackPageSql.slice(query, cursor, limit, params), params);
    long fetched = rows.isEmpty() ? 0 : rows.getFirst().longValue("fetched");
    boolean more = fetched > limit || fetched > rows.size();
    List<InboxFeedback> feedbacks = new ArrayList<>(rows.stream().limit(limit).map(FeedbackRows::read).toList());
    if (cursor != null && cursor.before()) {
      feedbacks = feedbacks.reversed();
    }
    return new Slice(feedbacks, more);
  }

  @Override
  public Table table(FeedbackQuery query, long start, int limit) {
    var params = SqlParams.of();
    List<Row> rows = db.query(FeedbackPageSql.table(query, start, limit, params), params);
    Row first = rows.getFirst();
    List<InboxFeedback> feedbacks = rows.stream().filter(row -> !row.isNull("id")).map(FeedbackRows::read).toList();
    return new Table(feedbacks, first.longValue("records_total"), first.longValue("records_filtered"));
  }

  @Override
  public long count(FeedbackQuery query) {
    var params = SqlParams.of();
    return db.query(FeedbackPageSql.count(query, params), params).getFirst().longValue("count");
  }

  @Override
  public FollowUpChange addFollowUp(String tenant, UUID id, String comment, String author, Instant now) {
    return followUp(ADD_FOLLOW_UP, tenant, id, comment, author, now);
  }

  @Override
  public FollowUpChange editFollowUp(String tenant, UUID id, String comment, String author, Instant now) {
    return followUp(EDIT_FOLLOW_UP, tenant, id, comment, author, now);
  }

  private FollowUpChange followUp(String sql, String tenant, UUID id, String comment, String author, Instant now) {
    var params = SqlParams.of().text("tenant", tenant).uuid("id", id).text("comment", comment)
        .text("author", author).timestamp("now", now);
    Row row = db.query(sql, params).getFirst();
    if (!row.bool("feedback_exists")) {
      return new FollowUpChange.FeedbackMissing();
    }
    return row.isNull("id") ? new FollowUpChange.Refused() : new FollowUpChange.Changed(FeedbackRows.read(row));
  }

  @Override
  public Optional<InboxFeedback> setState(String tenant, UUID id, State state, Instant now) {
    var params = SqlParams.of().text("tenant", tenant).uuid("id", id).text("state", state.wireName())
        .timestamp("now", now);
    return db.query(SET_STATE, params).stream().findFirst().map(FeedbackRows::read);
  }

  @Override
  public List<Agent> agents(String tenant, int limit) {
    var params = SqlParams.of().text("tenant", tenant).integer("limit", limit);
    return db.query(AGENTS, params).stream().map(row -> new Agent(row.text("agent_id"), row.text("name"))).toList();
  }
}
