package dev.csat.apikeys;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The port in memory, counting the writes of last-use times. */
class InMemoryApiKeyRepository implements ApiKeyRepository {
  record Row(String tenant, ApiKey key, String secretHash, String usageKeyId) {}

  final Map<UUID, Row> rows = new LinkedHashMap<>();
  final List<UUID> recordedUses = new ArrayList<>();

  @Override
  public void create(String tenant, ApiKey key, String secretHash, String usageKeyId) {
    rows.put(key.id(), new Row(tenant, key, secretHash, usageKeyId));
  }

  @Override
  public int countActive(String tenant) {
    return (int) rows.values().stream()
        .filter(row -> row.tenant().equals(tenant) && row.key().revokedAt() == null).count();
  }

  @Override
  public List<ApiKey> list(String tenant) {
    return rows.values().stream().filter(row -> row.tenant().equals(tenant)).map(Row::key)
        .sorted(Comparator.comparing(ApiKey::createdAt).thenComparing(ApiKey::id).reversed())
        .toList();
  }

  @Override
  public Optional<Revoked> revoke(String tenant, UUID id, Instant now) {
    Row row = rows.get(id);
    if (row == null || !row.tenant().equals(tenant)) {
      return Optional.empty();
    }
    ApiKey key = row.key();
    if (key.revokedAt() == null) {
      update(row, new ApiKey(key.id(), key.name(), key.scopes(), key.createdAt(), key.lastUsedAt(), now));
    }
    return Optional.of(new Revoked(row.usageKeyId()));
  }

  @Override
  public Optional<StoredApiKey> find(UUID id) {
    return Optional.ofNullable(rows.get(id)).map(row -> new StoredApiKey(row.tenant(),
        new HashSet<>(row.key().scopes()), row.secretHash(), row.key().revokedAt(), row.key().lastUsedAt(), row.usageKeyId()));
  }

  @Override
  public void recordUse(String tenant, UUID id, Instant now, Instant notBefore) {
    Row row = rows.get(id);
    if (row != null && row.tenant().equals(tenant)
        && (row.key().lastUsedAt() == null || row.key().lastUsedAt().isBefore(notBefore))) {
      ApiKey key = row.key();
      update(row, new ApiKey(key.id(), key.name(), key.scopes(), key.createdAt(), now, key.revokedAt()));
      recordedUses.add(id);
    }
  }

  private void update(Row row, ApiKey key) {
    rows.put(key.id(), new Row(row.tenant(), key, row.secretHash(), row.usageKeyId()));
  }
}
