package dev.csat.apikeys;

import dev.csat.data.DataApi;
import dev.csat.data.Row;
import dev.csat.data.SqlParams;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link ApiKeyRepository} on Aurora through the Data API: one statement per call. */
public final class DataApiApiKeyRepository implements ApiKeyRepository {
  private static final String CREATE = """
      INSERT INTO api_keys (id, tenant_id, name, scopes, secret_hash, created_at, usage_key_id)
      VALUES (:id, :tenant, :name, :scopes, :secret_hash, :now, :usage_key_id)""";

  // api_keys_by_tenant: the tenant's keys only.
  private static final String COUNT_ACTIVE = """
      SELECT count(*) AS active FROM api_keys WHERE tenant_id = :tenant AND revoked_at IS NULL""";

  private static final String LIST = """
      SELECT id, name, scopes, created_at, last_used_at, revoked_at FROM api_keys
      WHERE tenant_id = :tenant
      ORDER BY created_at DESC, id DESC""";

  // COALESCE keeps the first revocation time, so revoking twice is the same as once.
  private static final String REVOKE = """
      UPDATE api_keys SET revoked_at = COALESCE(revoked_at, :now)
      WHERE tenant_id = :tenant AND id = :id
      RETURNING usage_key_id""";

  // By id alone: the tenant is what this lookup finds out.
  private static final String FIND = """
      SELECT tenant_id, scopes, secret_hash, revoked_at, last_used_at, usage_key_id FROM api_keys
      WHERE id = :id""";

  // The condition repeats the caller's check, so concurrent first uses write at most once.
  private static final String RECORD_USE = """
      UPDATE api_keys SET last_used_at = :now
      WHERE tenant_id = :tenant AND id = :id
        AND (last_used_at IS NULL OR last_used_at < :not_before)""";

  private final DataApi db;

  public DataApiApiKeyRepository(DataApi db) {
    this.db = db;
  }

  @Override
  public void create(String tenant, ApiKey key, String secretHash, String usageKeyId) {
    var params = SqlParams.of()
        .uuid("id", key.id())
        .text("tenant", tenant)
        .text("name", key.name())
        .text("scopes", String.join(" ", key.scopes()))
        .text("secret_hash", secretHash)
        .timestamp("now", key.createdAt())
        .text("usage_key_id", usageKeyId);
    db.query(CREATE, params);
  }

  @Override
  public int countActive(String tenant) {
    return db.query(COUNT_ACTIVE, SqlParams.of().text("tenant", tenant)).getFirst().integer("active");
  }

  @Override
  public List<ApiKey> list(String tenant) {
    return db.query(LIST, SqlParams.of().text("tenant", tenant)).stream()
        .map(row -> new ApiKey(
            row.uuid("id"),
            row.text("name"),
            scopes(row),
            row.instant("created_at"),
            row.instant("last_used_at"),
            row.instant("revoked_at")))
        .toList();
  }

  @Override
  public Optional<Revoked> revoke(String tenant, UUID id, Instant now) {
    var params = SqlParams.of().text("tenant", tenant).uuid("id", id).timestamp("now", now);
    return db.query(REVOKE, params).stream().findFirst().map(row -> new Revoked(row.text("usage_key_id")));
  }

  @Override
  public Optional<StoredApiKey> find(UUID id) {
    return db.query(FIND, SqlParams.of().uuid("id", id)).stream().findFirst()
        .map(row -> new StoredApiKey(
            row.text("tenant_id"),
            new HashSet<>(scopes(row)),
            row.text("secret_hash"),
            row.instant("revoked_at"),
            row.instant("last_used_at"),
            row.text("usage_key_id")));
  }

  @Override
  public void recordUse(String tenant, UUID id, Instant now, Instant notBefore) {
    var params = SqlParams.of()
        .text("tenant", tenant)
        .uuid("id", id)
        .timestamp("now", now)
        .timestamp("not_before", notBefore);
    db.query(RECORD_USE, params);
  }

  private static List<String> scopes(Row row) {
    return Arrays.asList(row.text("scopes").split(" "));
  }
}
