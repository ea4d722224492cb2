package dev.csat.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.csat.core.NotFoundException;
import dev.csat.core.Uuid7;
import dev.csat.core.ValidationException;
import dev.csat.feedback.CursorCodec;
import dev.csat.feedback.InboxFeedback;
import dev.csat.feedback.Scale;
import dev.csat.feedback.Source;
import dev.csat.feedback.State;
import dev.csat.interactions.FeatureRef;
import dev.csat.interactions.Interaction;
import dev.csat.interactions.PromptSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EngagementTest {
  private static final Instant NOW = Instant.parse("2026-03-05T14:32:00.000Z");
  private static final FeatureRef DASHBOARD = FeatureRef.of("acme", "acme-app", "dashboard");

  private InMemoryEngagementRepository repository;
  private Engagement engagement;

  @BeforeEach
  void catalogue() {
    repository = new InMemoryEngagementRepository();
    repository.features.put("acme-app/dashboard", new PromptSettings(3, 2, 30, true));
    repository.features.put("acme-app/reports", new PromptSettings(1, 1, 30, false));
    engagement = new Engagement(repository, new CursorCodec("k".repeat(32).getBytes()), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void aHistoryPagesTheUsersFeedbacksNewestFirst() {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.addFirst(feedback("user@example.com", NOW.minus(Duration.ofHours(5 - i))));
    }
    feedback("other@example.com", NOW);

    UserHistory first = engagement.history("acme", "user@example.com", 2, null);
    assertEquals("user@example.com", first.userEmail());
    assertEquals(ids.subList(0, 2), ids(first));
    assertTrue(first.feedbacks().hasMore());
    assertNull(repository.lastPlace);

    UserHistory second = engagement.history("acme", "user@example.com", 2, first.feedbacks().next());
    assertEquals(ids.get(1), repository.lastPlace);
    assertEquals(ids.subList(2, 4), ids(second));

    UserHistory last = engagement.history("acme", "user@example.com", 2, second.feedbacks().next());
    assertEquals(ids.subList(4, 5), ids(last));
    assertFalse(last.feedbacks().hasMore());
    assertNull(last.feedbacks().next());
  }

  @Test
  void aHistoryCursorIsForItsTenantAndUserOnly() {
    for (int i = 0; i < 3; i++) {
      feedback("user@example.com", NOW.minusSeconds(i));
    }
    String next = engagement.history("acme", "user@example.com", 1, null).feedbacks().next();
    assertInvalid("after", () -> engagement.history("acme", "other@example.com", 1, next));
    assertInvalid("after", () -> engagement.history("globex", "user@example.com", 1, next));
    assertInvalid("after", () -> engagement.featureUsers(DASHBOARD, null, 1, next));
  }

  @Test
  void theInteractionsCarryPromptRulesAnswerNow() {
    repository.add("acme-app", interaction("dashboard", "user@example.com", 3, 0, null));
    repository.add("acme-app", interaction("reports", "user@example.com", 3, 0, null));
    List<UserFeatureState> states = engagement.history("acme", "user@example.com", 20, null).interactions();
    assertEquals(List.of("dashboard", "reports"), states.stream().map(UserFeatureState::featureKey).toList());
    assertTrue(states.get(0).shouldRequestFeedback());
    assertFalse(states.get(1).shouldRequestFeedback()); // disabled
    assertEquals("acme-app", states.get(0).productKey());
    assertEquals(3, states.get(0).interactionThreshold());
    assertEquals(2, states.get(0).rejectionThreshold());
  }

  @Test
  void featureUsersComeInPagesByEmailWithTheirOwnCursor() {
    for (String user : List.of("c@example.com", "a@example.com", "d@example.com", "b@example.com")) {
      repository.add("acme-app", interaction("dashboard", user, user.startsWith("a") ? 3 : 1, 0, null));
    }
    Page<UserFeatureState> first = engagement.featureUsers(DASHBOARD, null, 3, null);
    assertEquals(List.of("a@example.com", "b@example.com", "c@example.com"), emails(first));
    assertEquals(List.of(true, false, false), first.data().stream().map(UserFeatureState::shouldRequestFeedback).toList());
    assertTrue(first.hasMore());

    Page<UserFeatureState> second = engagement.featureUsers(DASHBOARD, null, 3, first.next());
    assertEquals("c@example.com", repository.lastPlace);
    assertEquals(List.of("d@example.com"), emails(second));
    assertFalse(second.hasMore());
    assertNull(second.next());

    assertEquals(List.of("a@example.com"), emails(engagement.featureUsers(DASHBOARD, true, 3, null)));
    assertInvalid("after", () -> engagement.featureUsers(DASHBOARD, false, 3, first.next()));
    assertInvalid("after", () -> engagement.featureUsers(FeatureRef.of("acme", "acme-app", "reports"), null, 3, first.next()));
    assertInvalid("after", () -> engagement.history("acme", "c@example.com", 3, first.next()));
  }

  @Test
  void anUnknownFeatureOrProductIsNotFound() {
    var feature = assertThrows(NotFoundException.class,
        () -> engagement.featureUsers(FeatureRef.of("acme", "acme-app", "nope"), null, 20, null));
    assertEquals("feature 'nope' of product 'acme-app' not found", feature.getMessage());
    var product = assertThrows(NotFoundException.class, () -> engagement.funnel("acme", "nope", null));
    assertEquals("product 'nope' not found", product.getMessage());
    assertThrows(NotFoundException.class, () -> engagement.funnel("acme", "acme-app", "nope"));
    assertEquals("dashboard", engagement.funnel("acme", "acme-app", "dashboard").featureKey());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 101})
  void limitsOutsideOneToAHundredAreRefused(int limit) {
    assertInvalid("limit", () -> engagement.history("acme", "user@example.com", limit, null));
    assertInvalid("limit", () -> engagement.featureUsers(DASHBOARD, null, limit, null));
  }

  private UUID feedback(String email, Instant createdAt) {
    UUID id = Uuid7.at(createdAt);
    repository.feedbacks.add(new InboxFeedback(id, "acme-app", "dashboard", email, null, 8, Scale.TEN, null,
        Source.PROMPTED, null, null, null, null, null, null, null, null, State.OPEN, null, null, createdAt, createdAt));
    return id;
  }

  private static Interaction interaction(String feature, String email, int uses, int rejections, Instant lastFeedback) {
    return new Interaction(feature, email, uses, uses, rejections, lastFeedback, NOW, NOW);
  }

  private static List<UUID> ids(UserHistory history) {
    return history.feedbacks().data().stream().map(InboxFeedback::id).toList();
  }

  private static List<String> emails(Page<UserFeatureState> page) {
    return page.data().stream().map(UserFeatureState::userEmail).toList();
  }

  private static void assertInvalid(String name, org.junit.jupiter.api.function.Executable call) {
    var error = assertThrows(ValidationException.class, call);
    assertEquals(name, error.invalidParams().getFirst().name());
  }
}
