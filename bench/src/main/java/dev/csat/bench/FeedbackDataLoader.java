package dev.csat.bench;

import static dev.csat.bench.FeedbackData.phase;

import dev.csat.analytics.RollupBulkFold;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The SQL behind {@link FeedbackData}: checks for the data and, if missing, loads it over one JDBC connection. */
final class FeedbackDataLoader {
  private static final long START_MS = FeedbackData.START.toEpochMilli();
  private static final long END_MS = FeedbackData.END.toEpochMilli();

  // Comment words: none contains a rare word below, so a search for one finds only the rare rows.
  private static final List<String> WORDS = List.of(
      "delivery", "package", "arrived", "quickly", "support", "agent", "helpful", "friendly", "order",
      "product", "quality", "price", "shipping", "tracking", "great", "service", "slow", "response",
      "waiting", "answer", "problem", "solved", "thanks", "really", "happy", "experience", "website",
      "checkout", "payment", "easy", "again", "would", "recommend", "never", "always", "item", "damaged",
      "wrong", "color", "size", "return", "label", "store", "online", "staff", "email", "phone", "call",
      "question", "issue", "update", "status", "courier", "driver", "weekend", "monday", "morning",
      "evening", "perfect", "terrible", "excellent", "average", "better", "worse", "expected", "faster");
  // One per commented row at most: chargeback in 0.05% of comments, refund in 0.5%, invoice in 3%.
  private static final String RARE_WORD = """
      CASE WHEN r_rare < 0.0005 THEN 'chargeback' WHEN r_rare < 0.0055 THEN 'refund'
           WHEN r_rare < 0.0355 THEN 'invoice' END""";
  private static final List<String> CARRIERS = List.of(
      "fedex", "dhl", "ups", "usps", "tnt", "gls", "dpd", "hermes", "royalmail", "colissimo", "postnl",
      "bpost", "correos", "poste", "canadapost", "auspost", "japanpost", "aramex", "purolator", "yodel");
  // Most frequent first: a row takes the k-th with k = floor(30 u^2).
  private static final List<String> COUNTRIES = List.of(
      "US", "GB", "DE", "FR", "ES", "IT", "NL", "BR", "CA", "MX", "AU", "SE", "PL", "BE", "CH", "AT",
      "IE", "PT", "DK", "NO", "FI", "CZ", "AR", "JP", "IN", "SG", "ZA", "AE", "TR", "NZ");
  private static final List<String> FOLLOW_UPS = List.of(
      "Called the customer back, issue resolved.", "Escalated to the carrier.", "Sent a voucher.",
      "Apologised and closed the case.", "Asked the customer for more details.");
  private static final List<String> PLATFORMS = List.of("platform", "whatsapp", "email", "web", "ios", "android");

  // u(n, salt): a uniform double in [0, 1) from 53 bits of a seeded hash of n; inlined by the planner.
  private static final String UNIFORM = """
      CREATE OR REPLACE FUNCTION pg_temp.u(n bigint, salt bigint) RETURNS float8
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT ((hashint8extended(n, salt) >> 11) & 9007199254740991)::float8 / 9007199254740992.0 $$""";

  /*
   * A comment is two fragments of 3 to 30 words (the rare word, if any, between them), cut at 400
   * characters: at least 6 words of 4 letters or more, so at least 29 characters. Joining a
   * 4,096-row table costs far less per row than drawing every word.
   */
  private static final int FRAGMENTS = 4096;
  private static final String CREATE_FRAGMENTS = """
      CREATE TEMPORARY TABLE fragments (id int PRIMARY KEY, text text NOT NULL)""";
  private static final String FILL_FRAGMENTS = """
      INSERT INTO pg_temp.fragments (id, text)
      SELECT i, array_to_string(ARRAY(
        SELECT ({words})[1 + floor({words_size} * pg_temp.u(i * 64 + j, 17) * pg_temp.u(i * 64 + j, 18))::int]
        FROM generate_series(1, 3 + floor(28 * power(pg_temp.u(i, 20), 2))::int) AS j), ' ')
      FROM generate_series(0, {fragments} - 1) AS i""";

  /*
   * One chunk of one tenant: n runs over [lo, hi], the tenant's rows being [base, base + count).
   * Layer g draws the uniforms, layer d derives what several columns depend on (OFFSET 0 keeps
   * the planner from flattening them, which would compute the same values again per use).
   */
  private static final String INSERT = """
      INSERT INTO feedbacks (id, tenant_id, product_key, feature_key, user_email, rating, source, comment,
                             scale, platform, reference, company_id, company_name, agent_id, carrier, country,
                             metadata, state, follow_up_comment, follow_up_created_by, follow_up_created_at,
                             created_at, updated_at)
      SELECT
        -- UUIDv7: 48 bits of ms, version 7, 12 random bits | variant 10, 62 random bits.
        encode(int8send((ms << 16) | 28672 | (hashint8extended(n, 101) & 4095))
               || int8send((hashint8extended(n, 102) & 4611686018427387903) | (1::bigint << 63)), 'hex')::uuid,
        '{tenant}',
        CASE WHEN source IN ('prompted', 'voluntary', 'shop') THEN 'shop'
             WHEN source = 'ticket' AND r_product < 0.5 THEN 'support'
             WHEN source = 'survey' AND r_product < 0.2 THEN 'shop'
             WHEN source = 'survey' AND r_product < 0.4 THEN 'support' END,
        CASE WHEN source IN ('prompted', 'voluntary')
             THEN 'feature-' || floor({features} * r_product * r_product)::int END,
        'user' || (1 + floor(200000 * power(r_user, 1.3)))::int || '@example.com',
        CASE scale
          WHEN '1-5' THEN CASE WHEN r_rating < 0.10 THEN 1 WHEN r_rating < 0.18 THEN 2 WHEN r_rating < 0.30 THEN 3
                               WHEN r_rating < 0.55 THEN 4 ELSE 5 END
          WHEN '1-10' THEN CASE WHEN r_rating < 0.05 THEN 1 WHEN r_rating < 0.07 THEN 2 WHEN r_rating < 0.10 THEN 3
                                WHEN r_rating < 0.13 THEN 4 WHEN r_rating < 0.19 THEN 5 WHEN r_rating < 0.25 THEN 6
                                WHEN r_rating < 0.35 THEN 7 WHEN r_rating < 0.50 THEN 8 WHEN r_rating < 0.70 THEN 9
                                ELSE 10 END
          ELSE CASE WHEN r_rating < 0.20 THEN 0 ELSE 1 END END,
        source,
        CASE WHEN first.text IS NOT NULL
             THEN rtrim(left(first.text || coalesce(' ' || rare_word, '') || ' ' || second.text, 400)) END,
        scale,
        CASE WHEN source IN ('prompted', 'voluntary')
               THEN CASE WHEN r_platform < 0.5 THEN 'web' WHEN r_platform < 0.75 THEN 'ios' ELSE 'android' END
             WHEN source IN ('ticket', 'carrier', 'shop')
               THEN CASE WHEN r_platform < 0.4 THEN 'platform' WHEN r_platform < 0.7 THEN 'whatsapp' ELSE 'email' END
             WHEN source = 'survey' THEN CASE WHEN r_platform < 0.6 THEN 'email' ELSE 'web' END
             WHEN r_platform >= 0.5 THEN ({platforms})[1 + floor((r_platform - 0.5) * 12)::int] END,
        CASE WHEN source IN ('ticket', 'carrier', 'shop') THEN 'T' || n END,
        'c' || company,
        'Company ' || company,
        CASE WHEN r_agent < 0.7 THEN 'a' || (1 + floor({agents} * power(r_agent / 0.7, 1.5)))::int END,
        CASE WHEN r_carrier < 0.5 THEN ({carriers})[1 + floor(r_carrier * 40)::int] END,
        ({countries})[1 + floor(30 * r_country * r_country)::int],
        CASE WHEN r_metadata < 0.10 THEN jsonb_build_object('order_id', 'O' || n, 'items', 1 + floor(r_metadata * 50)::int,
                                                             'channel', CASE WHEN r_metadata < 0.04 THEN 'b2b' ELSE 'b2c' END) END,
        CASE WHEN r_state < 0.90 THEN 'done' WHEN r_state < 0.98 THEN 'open' ELSE 'in_progress' END,
        CASE WHEN r_updated < 0.05 THEN ({follow_ups})[1 + floor(r_delay * 5)::int] END,
        CASE WHEN r_updated < 0.05 THEN 'admin-1' END,
        CASE WHEN r_updated < 0.05 THEN TIMESTAMPTZ 'epoch' + updated_ms * INTERVAL '1 millisecond' END,
        TIMESTAMPTZ 'epoch' + ms * INTERVAL '1 millisecond',
        TIMESTAMPTZ 'epoch' + updated_ms * INTERVAL '1 millisecond'
      FROM (
        SELECT g.*,
          CASE WHEN r_source < 0.35 THEN 'ticket' WHEN r_source < 0.50 THEN 'carrier' WHEN r_source < 0.60 THEN 'shop'
               WHEN r_source < 0.75 THEN 'survey' WHEN r_source < 0.90 THEN 'prompted'
               WHEN r_source < 0.95 THEN 'voluntary' ELSE 'api' END AS source,
          -- The in-app prompt rates 1 to 10; of the rest, 87.5% use 1-5, 6.25% 1-10, 6.25% thumbs.
          CASE WHEN r_source >= 0.75 AND r_source < 0.95 THEN '1-10'
               WHEN r_scale < 0.875 THEN '1-5' WHEN r_scale < 0.9375 THEN '1-10' ELSE 'thumbs' END AS scale,
          CASE WHEN r_updated < 0.20 THEN least(ms + floor(r_delay * 2592000000)::bigint, {end_ms}) ELSE ms END
            AS updated_ms,
          CASE WHEN r_company >= 0.05 THEN 1 + floor(5000 * power((r_company - 0.05) / 0.95, 3))::int END AS company,
          CASE WHEN r_comment < 0.30 THEN floor(r_comment / 0.30 * {fragments})::int END AS first_fragment,
          CASE WHEN r_comment < 0.30 THEN floor(r_fragment * {fragments})::int END AS second_fragment,
          {rare_word} AS rare_word
        FROM (
          SELECT n,
            {start_ms} + floor((n - {base} + pg_temp.u(n, 0)) * {slot_ms}::float8)::bigint AS ms,
            pg_temp.u(n, 1) AS r_source, pg_temp.u(n, 2) AS r_scale, pg_temp.u(n, 3) AS r_rating,
            pg_temp.u(n, 4) AS r_product, pg_temp.u(n, 5) AS r_platform, pg_temp.u(n, 6) AS r_company,
            pg_temp.u(n, 7) AS r_agent, pg_temp.u(n, 8) AS r_carrier, pg_temp.u(n, 9) AS r_country,
            pg_temp.u(n, 10) AS r_state, pg_temp.u(n, 11) AS r_comment, pg_temp.u(n, 12) AS r_rare,
            pg_temp.u(n, 13) AS r_updated, pg_temp.u(n, 14) AS r_delay, pg_temp.u(n, 15) AS r_metadata,
            pg_temp.u(n, 16) AS r_user, pg_temp.u(n, 17) AS r_fragment
          FROM generate_series({lo}::bigint, {hi}::bigint) AS n
          OFFSET 0) g
        OFFSET 0) d
      LEFT JOIN pg_temp.fragments AS first ON first.id = d.first_fragment
      LEFT JOIN pg_temp.fragments AS second ON second.id = d.second_fragment""";

  private FeedbackDataLoader() {}

  static void ensure(Connection connection, int rows, PrintStream log) throws SQLException {
    int otherRows = rows / 100;
    long started = System.nanoTime();
    long rowsFound = count(connection, FeedbackData.TENANT);
    long otherRowsFound = count(connection, FeedbackData.OTHER_TENANT);
    if (rowsFound == rows && otherRowsFound == otherRows) {
      phase(String.format("found %,d + %,d feedbacks", rowsFound, otherRowsFound), started);
      if (neverVacuumed(connection)) {
        vacuum(connection);
      }
      RollupBulkFold.foldIntoEmptyRollups(connection, log);
      return;
    }
    if (rowsFound + otherRowsFound > 0) {
      log.printf("[feedback data] found %,d + %,d feedbacks instead of %,d + %,d: loading again%n",
          rowsFound, otherRowsFound, rows, otherRows);
    }
    long loadStarted = System.nanoTime();
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET maintenance_work_mem = '1GB'");
      statement.execute("SET max_parallel_maintenance_workers = 2");
      statement.execute("SET synchronous_commit = off");
    }
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      long phaseStarted = System.nanoTime();
      statement.execute("TRUNCATE feedbacks");
      catalogue(statement);
      phase("catalogue and agents", phaseStarted);

      phaseStarted = System.nanoTime();
      Map<String, String> indexes = secondaryIndexes(statement);
      for (String name : indexes.keySet()) {
        statement.execute("DROP INDEX " + name);
      }
      phase("drop " + indexes.size() + " secondary indexes", phaseStarted);

      phaseStarted = System.nanoTime();
      statement.execute(UNIFORM);
      statement.execute("DROP TABLE IF EXISTS pg_temp.fragments");
      statement.execute(CREATE_FRAGMENTS);
      statement.execute(fill(FILL_FRAGMENTS, constants()));
      statement.execute("ANALYZE pg_temp.fragments");
      // No foreign key checks row by row (verify checks them at the end); CHECK constraints still apply.
      statement.execute("SET LOCAL session_replication_role = replica");
      // Rows go in in creation order (ids ascending); a merge join on the fragments would sort them.
      statement.execute("SET LOCAL enable_mergejoin = off");
      insert(statement, FeedbackData.TENANT, 1, rows, log);
      insert(statement, FeedbackData.OTHER_TENANT, rows + 1L, otherRows, log);
      statement.execute("SET LOCAL session_replication_role = origin");
      // Nor did the analytics queue (V006) hear of the rows: queue them all, as its migration does
      // for existing rows; RollupBulkFold folds them in after the load, as the rollup function would.
      // TRUNCATE fires no row trigger, so the month-to-date rows (V011) go with the rollups.
      statement.execute("TRUNCATE feedback_rollups, feedback_month_to_date");
      statement.execute("DELETE FROM feedback_changes");
      statement.execute("INSERT INTO feedback_changes (tenant_id, created_at, source, scale, rating, product_key, "
          + "feature_key, platform, company_id, agent_id, carrier, delta) "
          + "SELECT tenant_id, created_at, source, scale, rating, product_key, feature_key, platform, company_id, "
          + "agent_id, carrier, 1 FROM feedbacks ORDER BY id");
      // Triggers were off too: fill feedback_counts (V005) once, as its triggers would have.
      statement.execute("DELETE FROM feedback_counts");
      statement.execute("INSERT INTO feedback_counts (tenant_id, state, source, scale, rating, shard, total) "
          + "SELECT tenant_id, state, source, scale, rating, 0, count(*) FROM feedbacks "
          + "GROUP BY tenant_id, state, source, scale, rating");
      phase(String.format("insert %,d rows", rows + otherRows), phaseStarted);

      long indexesStarted = System.nanoTime();
      for (Map.Entry<String, String> index : indexes.entrySet()) {
        phaseStarted = System.nanoTime();
        statement.execute(index.getValue());
        phase("  create index " + index.getKey(), phaseStarted);
      }
      phase("create " + indexes.size() + " indexes", indexesStarted);

      phaseStarted = System.nanoTime();
      connection.commit();
      phase("commit", phaseStarted);
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
    vacuum(connection);
    verify(connection);
    phase("load in all", loadStarted);
    RollupBulkFold.foldIntoEmptyRollups(connection, log);
  }

  private static long count(Connection connection, String tenant) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM feedbacks WHERE tenant_id = ?")) {
      query.setString(1, tenant);
      try (ResultSet result = query.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    }
  }

  private static void catalogue(Statement statement) throws SQLException {
    String at = "TIMESTAMPTZ '" + FeedbackData.START + "'";
    for (String tenant : List.of(FeedbackData.TENANT, FeedbackData.OTHER_TENANT)) {
      statement.execute("""
          INSERT INTO products (tenant_id, product_key, name, created_at, updated_at)
          VALUES ('%1$s', 'shop', 'Shop', %2$s, %2$s), ('%1$s', 'support', 'Support', %2$s, %2$s)
          ON CONFLICT DO NOTHING""".formatted(tenant, at));
      statement.execute("""
          INSERT INTO features (tenant_id, product_key, feature_key, name, interaction_threshold,
                                rejection_threshold, created_at, updated_at)
          SELECT '%1$s', 'shop', 'feature-' || f, 'Feature ' || f, 5, 3, %2$s, %2$s
          FROM generate_series(0, %3$d) AS f
          ON CONFLICT DO NOTHING""".formatted(tenant, at, FeedbackData.FEATURES - 1));
      statement.execute("""
          INSERT INTO agents (tenant_id, agent_id, name, created_at, updated_at)
          SELECT '%1$s', 'a' || k, 'Agent ' || k, %2$s, %2$s
          FROM generate_series(1, %3$d) AS k
          ON CONFLICT DO NOTHING""".formatted(tenant, at, FeedbackData.AGENTS));
    }
  }

  /** Name to definition of every index of feedbacks that no constraint owns (all but the primary key). */
  private static Map<String, String> secondaryIndexes(Statement statement) throws SQLException {
    Map<String, String> indexes = new LinkedHashMap<>();
    try (ResultSet rows = statement.executeQuery("""
        SELECT indexname, indexdef FROM pg_indexes
        WHERE schemaname = current_schema() AND tablename = 'feedbacks'
          AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = 'feedbacks'::regclass)
        ORDER BY indexname""")) {
      while (rows.next()) {
        indexes.put(rows.getString(1), rows.getString(2));
      }
    }
    return indexes;
  }

  private static void insert(Statement statement, String tenant, long base, int count, PrintStream log)
      throws SQLException {
    double slotMillis = (double) (END_MS - START_MS) / count;
    long started = System.nanoTime();
    for (long lo = base; lo < base + count; lo += FeedbackData.CHUNK) {
      long hi = Math.min(base + count, lo + FeedbackData.CHUNK) - 1;
      statement.executeUpdate(insertSql(tenant, base, slotMillis, lo, hi));
      double seconds = (System.nanoTime() - started) / 1e9;
      log.printf("[feedback data]   %s: %,d / %,d rows, %.1f s (%,.0f rows/s)%n",
          tenant, hi - base + 1, count, seconds, (hi - base + 1) / seconds);
    }
  }

  static String insertSql(String tenant, long base, double slotMillis, long lo, long hi) {
    Map<String, String> values = constants();
    values.put("tenant", tenant);
    values.put("base", String.valueOf(base));
    values.put("slot_ms", Double.toString(slotMillis));
    values.put("lo", String.valueOf(lo));
    values.put("hi", String.valueOf(hi));
    return fill(INSERT, values);
  }

  private static Map<String, String> constants() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("fragments", String.valueOf(FRAGMENTS));
    values.put("features", String.valueOf(FeedbackData.FEATURES));
    values.put("agents", String.valueOf(FeedbackData.AGENTS));
    values.put("words", textArray(WORDS));
    values.put("words_size", String.valueOf(WORDS.size()));
    values.put("platforms", textArray(PLATFORMS));
    values.put("carriers", textArray(CARRIERS));
    values.put("countries", textArray(COUNTRIES));
    values.put("follow_ups", textArray(FOLLOW_UPS));
    values.put("rare_word", RARE_WORD);
    values.put("start_ms", String.valueOf(START_MS));
    values.put("end_ms", String.valueOf(END_MS));
    return values;
  }

  private static String fill(String template, Map<String, String> values) {
    String sql = template;
    for (Map.Entry<String, String> value : values.entrySet()) {
      sql = sql.replace("{" + value.getKey() + "}", value.getValue());
    }
    if (sql.matches("(?s).*\\{[a-z_]+}.*")) {
      throw new IllegalStateException("a placeholder is left in the insert: " + sql);
    }
    return sql;
  }

  private static String textArray(List<String> values) {
    return values.stream().map(value -> "'" + value.replace("'", "''") + "'")
        .collect(Collectors.joining(", ", "ARRAY[", "]"));
  }

  private static boolean neverVacuumed(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("""
            SELECT last_vacuum IS NULL AND last_autovacuum IS NULL FROM pg_stat_user_tables
            WHERE relid = 'feedbacks'::regclass""")) {
      return rows.next() && rows.getBoolean(1);
    }
  }

  private static void vacuum(Connection connection) throws SQLException {
    long started = System.nanoTime();
    try (Statement statement = connection.createStatement()) {
      statement.execute("VACUUM ANALYZE feedbacks");
    }
    phase("vacuum analyze", started);
  }

  /**
   * Fails unless every id is a UUIDv7 (version 7, variant 10) whose timestamp is its created_at,
   * times are in range and every product and feature named exists (the foreign keys, which the
   * load does not check row by row).
   */
  private static void verify(Connection connection) throws SQLException {
    long started = System.nanoTime();
    List<String> problems = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("""
            SELECT count(*) FILTER (WHERE ('x' || left(replace(id::text, '-', ''), 12))::bit(48)::bigint
                                          <> (extract(epoch FROM created_at) * 1000)::bigint),
                   count(*) FILTER (WHERE substr(id::text, 15, 1) <> '7'
                                       OR substr(id::text, 20, 1) NOT IN ('8', '9', 'a', 'b')),
                   count(*) FILTER (WHERE updated_at < created_at OR created_at < TIMESTAMPTZ '%s'
                                       OR updated_at > TIMESTAMPTZ '%s')
            FROM feedbacks""".formatted(FeedbackData.START, FeedbackData.END))) {
      rows.next();
      if (rows.getLong(1) > 0) {
        problems.add(rows.getLong(1) + " ids whose timestamp is not created_at");
      }
      if (rows.getLong(2) > 0) {
        problems.add(rows.getLong(2) + " ids of another version or variant");
      }
      if (rows.getLong(3) > 0) {
        problems.add(rows.getLong(3) + " rows with times out of range");
      }
    }
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("""
            SELECT count(*) FROM (SELECT DISTINCT tenant_id, product_key, feature_key FROM feedbacks
                                  WHERE product_key IS NOT NULL) AS used
            WHERE NOT EXISTS (SELECT FROM products AS p
                              WHERE p.tenant_id = used.tenant_id AND p.product_key = used.product_key)
               OR used.feature_key IS NOT NULL
                  AND NOT EXISTS (SELECT FROM features AS f
                                  WHERE f.tenant_id = used.tenant_id AND f.product_key = used.product_key
                                    AND f.feature_key = used.feature_key)""")) {
      rows.next();
      if (rows.getLong(1) > 0) {
        problems.add(rows.getLong(1) + " products or features that do not exist");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("the loaded data is wrong: " + String.join("; ", problems));
    }
    phase("verify ids, times, foreign keys", started);
  }
}
