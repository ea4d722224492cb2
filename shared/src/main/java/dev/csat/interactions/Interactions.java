package dev.csat.interactions;

import dev.csat.core.ConflictException;
import dev.csat.core.NotFoundException;
import dev.csat.core.Uuid7;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Use case: in-app feature prompting (seed 000): count uses, decide when to prompt, take ratings. */
public final class Interactions {
  private final InteractionRepository repository;
  private final Clock clock;

  public Interactions(InteractionRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  public InteractionState increment(FeatureRef feature, String userEmail) {
    Instant now = clock.instant();
    return repository
        .increment(feature, userEmail, now)
        .map(tracked -> state(tracked, now))
        .orElseThrow(() -> featureNotFound(feature));
  }

  public InteractionState reject(FeatureRef feature, String userEmail) {
    Instant now = clock.instant();
    return repository
        .reject(feature, userEmail, now)
        .map(tracked -> state(tracked, now))
        .orElseThrow(() -> featureNotFound(feature));
  }

  public List<InteractionState> forUser(String tenant, String productKey, String userEmail) {
    Instant now = clock.instant();
    return repository
        .listForUser(tenant, productKey, userEmail)
        .orElseThrow(() -> new NotFoundException("product '" + productKey + "' not found"))
        .stream()
        .map(tracked -> state(tracked, now))
        .toList();
  }

  public Feedback submitFeedback(FeatureRef feature, NewFeedback feedback) {
    Instant now = clock.instant();
    return switch (repository.submitFeedback(feature, feedback, Uuid7.at(now), now)) {
      case InteractionRepository.FeedbackSubmission.Stored stored -> stored.feedback();
      case InteractionRepository.FeedbackSubmission.FeatureMissing missing -> throw featureNotFound(feature);
      case InteractionRepository.FeedbackSubmission.KeyReused reused ->
          throw new ConflictException(
              "Idempotency-Key was already used for a different feedback; use a new key for a new submission");
    };
  }

  private static InteractionState state(TrackedInteraction tracked, Instant now) {
    return InteractionState.of(tracked.interaction(), tracked.settings(), now);
  }

  private static NotFoundException featureNotFound(FeatureRef feature) {
    return new NotFoundException(
        "feature '" + feature.featureKey() + "' of product '" + feature.productKey() + "' not found");
  }
}
