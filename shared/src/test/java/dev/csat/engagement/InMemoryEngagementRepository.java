package dev.csat.engagement;

import dev.csat.feedback.InboxFeedback;
import dev.csat.interactions.FeatureRef;
import dev.csat.interactions.Interaction;
import dev.csat.interactions.PromptRule;
import dev.csat.interactions.PromptSettings;
import dev.csat.interactions.TrackedInteraction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@link EngagementRepository} over lists, for the use case's tests. One tenant's catalogue. */
final class InMemoryEngagementRepository implements EngagementRepository {
  final Map<String, PromptSettings> features = new HashMap<>(); // "product/feature"
  final List<TrackedFeature> interactions = new ArrayList<>();
  final List<InboxFeedback> feedbacks = new ArrayList<>();
  /** What the last call asked for: the cursor's place as the use case decoded it. */
  Object lastPlace;

  @Override
  public History history(String tenant, String userEmail, UUID beforeId, int limit) {
    lastPlace = beforeId;
    List<InboxFeedback> older = feedbacks.stream()
        .filter(f -> userEmail.equals(f.userEmail()))
        .filter(f -> beforeId == null || f.id().toString().compareTo(beforeId.toString()) < 0)
        .sorted(Comparator.comparing((InboxFeedback f) -> f.id().toString()).reversed())
        .toList();
    List<TrackedFeature> rows = interactions.stream()
        .filter(row -> row.tracked().interaction().userEmail().equals(userEmail))
        .toList();
    return new History(rows, older.stream().limit(limit).toList(), older.size() > limit);
  }

  @Override
  public Optional<FeatureUsers> featureUsers(FeatureRef feature, String afterEmail, Boolean due, int limit,
      Instant now) {
    lastPlace = afterEmail;
    PromptSettings settings = features.get(feature.productKey() + "/" + feature.featureKey());
    if (settings == null) {
      return Optional.empty();
    }
    List<Interaction> users = interactions.stream()
        .filter(row -> row.productKey().equals(feature.productKey()))
        .map(row -> row.tracked().interaction())
        .filter(i -> i.featureKey().equals(feature.featureKey()))
        .filter(i -> afterEmail == null || i.userEmail().compareTo(afterEmail) > 0)
        .filter(i -> due == null || PromptRule.shouldRequestFeedback(i, settings, now) == due)
        .sorted(Comparator.comparing(Interaction::userEmail))
        .toList();
    return Optional.of(new FeatureUsers(settings, users.stream().limit(limit).toList(), users.size() > limit));
  }

  @Override
  public FunnelCount funnel(String tenant, String productKey, String featureKey, Instant now) {
    if (features.keySet().stream().noneMatch(key -> key.startsWith(productKey + "/"))) {
      return new FunnelCount.ProductMissing();
    }
    if (featureKey != null && !features.containsKey(productKey + "/" + featureKey)) {
      return new FunnelCount.FeatureMissing();
    }
    var none = new FunnelCounts(0, 0, 0, 0, 0);
    return new FunnelCount.Counted(new Funnel(productKey, featureKey, none, List.of()));
  }

  void add(String productKey, Interaction interaction) {
    interactions.add(new TrackedFeature(productKey, new TrackedInteraction(interaction,
        features.get(productKey + "/" + interaction.featureKey()))));
  }
}
