package dev.csat.apikeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.csat.auth.Caller;
import dev.csat.auth.Scopes;
import dev.csat.core.ConflictException;
import dev.csat.core.ForbiddenException;
import dev.csat.core.Limits;
import dev.csat.core.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeysTest {
  private static final Instant START = Instant.parse("2026-03-05T14:32:00.000Z");
  private static final Caller ADMIN = new Caller("acme", "admin", Set.of(Scopes.KEYS_MANAGE,
      Scopes.INTERACTIONS_WRITE, Scopes.CONFIG_READ), null);

  private final InMemoryApiKeyRepository repository = new InMemoryApiKeyRepository();
  private Instant now = START;
  private final Clock clock = new Clock() {
    @Override public Instant instant() { return now; }
    @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
  };
  private final RecordingUsagePlanKeys meters = new RecordingUsagePlanKeys();
  private final ApiKeys keys = new ApiKeys(repository, meters, clock);
  private final ApiKeyVerification verifier = new ApiKeyVerification(repository, clock);

  @Test
  void createsAKeyThatVerifiesToItsTenantAndScopes() {
    IssuedApiKey issued = keys.create(ADMIN, new NewApiKey("web app", List.of(Scopes.INTERACTIONS_WRITE)));
    assertEquals(List.of(Scopes.INTERACTIONS_WRITE), issued.key().scopes());
    assertEquals(START, issued.key().createdAt());
    assertEquals(7, issued.key().id().version());

    var verified = verifier.verify(issued.secret()).orElseThrow();
    Caller caller = verified.caller();
    assertEquals("acme", caller.tenant());
    assertEquals(Set.of(Scopes.INTERACTIONS_WRITE), caller.scopes());
    assertEquals("apikey:" + issued.key().id(), caller.principal());
    assertNull(caller.email());
    assertEquals(UsagePlanKeys.valueFor(issued.key().id()), verified.usageKey());
  }

  @Test
  void eachKeyGetsItsOwnMeterWhoseValueIsAlphanumericAndLongEnoughForApiGateway() {
    var first = keys.create(ADMIN, new NewApiKey("one", List.of(Scopes.CONFIG_READ)));
    var second = keys.create(ADMIN, new NewApiKey("two", List.of(Scopes.CONFIG_READ)));
    assertEquals(List.of(first.key().id(), second.key().id()), List.copyOf(meters.meters.values()));
    assertEquals("gw1", repository.rows.get(first.key().id()).usageKeyId());
    String value = UsagePlanKeys.valueFor(first.key().id());
    assertTrue(value.matches("[A-Za-z0-9]{20,128}"), value);
  }

  @Test
  void aKeyWithoutAMeterIsStillValidAndNamesNoUsageKey() {
    var issued = keys.create(ADMIN, new NewApiKey("old", List.of(Scopes.CONFIG_READ)));
    var row = repository.rows.get(issued.key().id());
    repository.rows.put(issued.key().id(), new InMemoryApiKeyRepository.Row(row.tenant(), row.key(), row.secretHash(), null));
    assertNull(verifier.verify(issued.secret()).orElseThrow().usageKey());
  }

  @Test
  void whenTheMeterCannotBeCreatedNoKeyIsStored() {
    meters.nextFailure = new IllegalStateException("API Gateway unreachable");
    assertThrows(IllegalStateException.class, () -> keys.create(ADMIN, new NewApiKey("ci", List.of(Scopes.CONFIG_READ))));
    assertTrue(repository.rows.isEmpty());
    assertTrue(meters.meters.isEmpty());
  }

  @Test
  void whenTheKeyCannotBeStoredItsMeterIsRemoved() {
    var failing = new ApiKeys(new InMemoryApiKeyRepository() {
      @Override
      public void create(String tenant, ApiKey key, String secretHash, String usageKeyId) {
        throw new IllegalStateException("database down");
      }
    }, meters, clock);
    assertThrows(IllegalStateException.class, () -> failing.create(ADMIN, new NewApiKey("ci", List.of(Scopes.CONFIG_READ))));
    assertTrue(meters.meters.isEmpty());
  }

  @Test
  void revokingRemovesTheMeterAndARepeatFinishesAFailedRemoval() {
    var issued = keys.create(ADMIN, new NewApiKey("ci", List.of(Scopes.CONFIG_READ)));
    meters.nextFailure = new IllegalStateException("API Gateway unreachable");
    assertThrows(IllegalStateException.class, () -> keys.revoke("acme", issued.key().id()));
    assertTrue(verifier.verify(issued.secret()).isEmpty(), "revoked before the meter goes");
    assertEquals(1, meters.meters.size());
    keys.revoke("acme", issued.key().id());
    assertTrue(meters.meters.isEmpty());
  }

  @Test
  void storesOnlyTheHashOfTheSecret() {
    IssuedApiKey issued = keys.create(ADMIN, new NewApiKey("web app", List.of(Scopes.CONFIG_READ)));
    String stored = repository.rows.get(issued.key().id()).secretHash();
    assertFalse(stored.contains(issued.secret().substring(37)));
    assertTrue(ApiKeySecret.parse(issued.secret()).orElseThrow().matches(stored));
  }

  @Test
  void grantsOnlyScopesTheCreatorHolds() {
    var failure = assertThrows(ForbiddenException.class, () ->
        keys.create(ADMIN, new NewApiKey("too much", List.of(Scopes.CONFIG_READ, Scopes.DATA_ERASE))));
    assertTrue(failure.getMessage().contains(Scopes.DATA_ERASE), failure.getMessage());
    assertFalse(failure.getMessage().contains(Scopes.CONFIG_READ), failure.getMessage());
    assertTrue(repository.rows.isEmpty());
    assertTrue(meters.meters.isEmpty());
  }

  @Test
  void aTenantHoldsAtMostTheLimitOfActiveKeysAndRevokingMakesRoom() {
    for (int i = 0; i < Limits.MAX_ACTIVE_API_KEYS; i++) {
      keys.create(ADMIN, new NewApiKey("key " + i, List.of(Scopes.CONFIG_READ)));
    }
    var refused = assertThrows(ConflictException.class,
        () -> keys.create(ADMIN, new NewApiKey("one too many", List.of(Scopes.CONFIG_READ))));
    assertTrue(refused.getMessage().contains(String.valueOf(Limits.MAX_ACTIVE_API_KEYS)), refused.getMessage());
    assertEquals(Limits.MAX_ACTIVE_API_KEYS, meters.meters.size(), "no meter for a refused key");
    keys.create(new Caller("other", "x", Set.of(Scopes.CONFIG_READ), null), new NewApiKey("other", List.of(Scopes.CONFIG_READ)));

    keys.revoke("acme", keys.list("acme").getFirst().id());
    keys.create(ADMIN, new NewApiKey("after a revocation", List.of(Scopes.CONFIG_READ)));
  }

  @Test
  void listsTheTenantsKeysNewestFirst() {
    var first = keys.create(ADMIN, new NewApiKey("first", List.of(Scopes.CONFIG_READ)));
    now = now.plusSeconds(1);
    var second = keys.create(ADMIN, new NewApiKey("second", List.of(Scopes.CONFIG_READ)));
    keys.create(new Caller("other", "x", Set.of(Scopes.CONFIG_READ), null), new NewApiKey("other", List.of(Scopes.CONFIG_READ)));
    assertEquals(List.of(second.key().id(), first.key().id()), keys.list("acme").stream().map(ApiKey::id).toList());
  }

  @Test
  void revokedKeysStopVerifyingAndRevokingAgainIsFine() {
    var issued = keys.create(ADMIN, new NewApiKey("ci", List.of(Scopes.CONFIG_READ)));
    keys.revoke("acme", issued.key().id());
    Instant revokedAt = keys.list("acme").getFirst().revokedAt();
    assertEquals(START, revokedAt);
    assertTrue(verifier.verify(issued.secret()).isEmpty());
    now = now.plusSeconds(60);
    keys.revoke("acme", issued.key().id());
    assertEquals(revokedAt, keys.list("acme").getFirst().revokedAt());
  }

  @Test
  void anotherTenantsKeyIsNotFound() {
    var issued = keys.create(ADMIN, new NewApiKey("ci", List.of(Scopes.CONFIG_READ)));
    assertThrows(NotFoundException.class, () -> keys.revoke("other", issued.key().id()));
    assertTrue(verifier.verify(issued.secret()).isPresent());
  }

  @Test
  void refusesTamperedAndUnknownKeys() {
    var issued = keys.create(ADMIN, new NewApiKey("ci", List.of(Scopes.CONFIG_READ)));
    String token = issued.secret();
    char last = token.charAt(50);
    String tampered = token.substring(0, 50) + (last == 'A' ? 'B' : 'A') + token.substring(51);
    assertTrue(verifier.verify(tampered).isEmpty());
    assertTrue(verifier.verify(ApiKeySecret.generate(issued.key().id()).token()).isEmpty(), "same id, other secret");
    var unknown = ApiKeySecret.generate(dev.csat.core.Uuid7.at(START));
    assertTrue(verifier.verify(unknown.token()).isEmpty());
    assertTrue(verifier.verify("Bearer " + token).isEmpty());
    assertTrue(repository.recordedUses.isEmpty());
  }

  @Test
  void recordsTheLastUseAtMostOncePerPrecisionWindow() {
    var issued = keys.create(ADMIN, new NewApiKey("ci", List.of(Scopes.CONFIG_READ)));
    now = START.plusSeconds(10);
    verifier.verify(issued.secret()).orElseThrow();
    assertEquals(START.plusSeconds(10), keys.list("acme").getFirst().lastUsedAt());
    now = START.plusSeconds(10).plus(ApiKeyVerification.LAST_USED_PRECISION);
    verifier.verify(issued.secret()).orElseThrow();
    assertEquals(1, repository.recordedUses.size(), "a use within the window writes nothing");
    now = now.plus(Duration.ofMillis(1));
    verifier.verify(issued.secret()).orElseThrow();
    assertEquals(2, repository.recordedUses.size());
    assertEquals(now, keys.list("acme").getFirst().lastUsedAt());
  }
}
