package dev.csat.feedback;

import dev.csat.App;
import dev.csat.auth.Scopes;
import dev.csat.core.Checks;
import dev.csat.core.Limits;
import dev.csat.http.ApiHandler;
import dev.csat.http.BodyReader;
import dev.csat.http.Call;
import dev.csat.http.Http;
import dev.csat.http.JsonBody;
import dev.csat.http.Reply;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Set;

/** createFeedback: POST /feedbacks (any source; Idempotency-Key honoured) */
public final class CreateFeedbackHandler extends ApiHandler<IncomingFeedback, FeedbackView> {
  static final int MAX_METADATA_CHARS = 4_096;

  /** The body, without the idempotency key: that comes from a header and joins in {@link #handle}. */
  static final BodyReader<IncomingFeedback> BODY = body -> {
    body.allowOnly(Set.of("product_key", "feature_key", "user_email", "respondent_id", "rating", "scale", "comment",
        "source", "platform", "reference", "company_id", "company_name", "agent_id", "agent_name", "carrier",
        "country", "metadata", "state", "user_agent", "created_at"));
    Checks checks = body.checks();
    String productKey = checks.key("product_key", body.text("product_key"));
    String featureKey = checks.key("feature_key", body.text("feature_key"));
    if (featureKey != null && productKey == null && !checks.hasProblemWith("product_key")) {
      checks.add("feature_key", "needs product_key");
    }
    String scaleName = body.text("scale");
    Scale scale = scaleName == null ? Scale.TEN : WireNamed.read(Scale.class, scaleName, "scale", checks);
    Integer rating = body.requiredInteger("rating", 0, Scale.TEN.max());
    if (rating != null && scale != null && !scale.contains(rating)) {
      checks.add("rating", "must be from " + scale.min() + " to " + scale.max() + " on the scale " + scale.wireName());
    }
    Source source = WireNamed.read(Source.class, body.requiredText("source"), "source", checks);
    var feedback = new IncomingFeedback(
        productKey,
        featureKey,
        checks.email("user_email", body.text("user_email")),
        checks.key("respondent_id", body.text("respondent_id")),
        rating == null ? 0 : rating,
        scale,
        nonBlank(checks.text("comment", body.text("comment"), 0, Limits.MAX_COMMENT_LENGTH)),
        source,
        checks.key("platform", body.text("platform")),
        checks.key("reference", body.text("reference")),
        checks.key("company_id", body.text("company_id")),
        checks.text("company_name", body.text("company_name"), 1, Limits.MAX_NAME_LENGTH),
        checks.key("agent_id", body.text("agent_id")),
        checks.text("agent_name", body.text("agent_name"), 1, Limits.MAX_NAME_LENGTH),
        checks.key("carrier", body.text("carrier")),
        country(body),
        body.objectText("metadata", MAX_METADATA_CHARS),
        state(body),
        checks.text("user_agent", body.text("user_agent"), 0, Limits.MAX_USER_AGENT_LENGTH),
        createdAt(body),
        null);
    if (body.has("agent_name") && feedback.agentId() == null && !checks.hasProblemWith("agent_id")) {
      checks.add("agent_name", "needs agent_id");
    }
    return feedback;
  };

  private final Inbox inbox;

  public CreateFeedbackHandler() {
    this(App.get().inbox(), App.get().http());
  }

  CreateFeedbackHandler(Inbox inbox, Http http) {
    super(BODY, Scopes.FEEDBACK_WRITE, http);
    this.inbox = inbox;
  }

  @Override
  protected Reply<FeedbackView> handle(Call<IncomingFeedback> call) {
    IncomingFeedback feedback = call.body();
    call.requireActingFor(feedback.userEmail());
    return Reply.created(FeedbackView.of(inbox.create(call.tenant(), feedback.withIdempotencyKey(call.idempotencyKey()))));
  }

  private static State state(JsonBody body) {
    String name = body.text("state");
    return name == null ? State.OPEN : WireNamed.read(State.class, name, "state", body.checks());
  }

  private static String country(JsonBody body) {
    String value = body.text("country");
    if (value == null) {
      return null;
    }
    if (!value.matches("[A-Za-z]{2}")) {
      body.checks().add("country", "must be an ISO 3166-1 alpha-2 country code");
      return null;
    }
    return value.toUpperCase(Locale.ROOT);
  }

  /** Kept to the millisecond: the id carries the creation time at that precision. */
  private static Instant createdAt(JsonBody body) {
    String value = body.text("created_at");
    if (value == null) {
      return null;
    }
    try {
      Instant time = OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.MILLIS);
      if (time.isAfter(Instant.parse("2000-01-01T00:00:00Z"))) {
        return time;
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    body.checks().add("created_at", "must be an ISO-8601 date-time with an offset after 2000, e.g. 2026-03-05T14:32:00.000Z");
    return null;
  }

  /** An empty comment is no comment: has_comment filters must not count it. */
  private static String nonBlank(String comment) {
    return comment == null || comment.isBlank() ? null : comment;
  }
}
