package dev.csat.interactions;

import dev.csat.App;
import dev.csat.auth.Scopes;
import dev.csat.core.Limits;
import dev.csat.http.ApiHandler;
import dev.csat.http.BodyReader;
import dev.csat.http.Call;
import dev.csat.http.Http;
import dev.csat.http.Reply;
import java.util.Set;

/** submitFeedback: POST /products/{product_key}/features/{feature_key}/feedbacks */
public final class SubmitFeedbackHandler extends ApiHandler<SubmitFeedbackHandler.Body, FeedbackView> {
  /** The request body; the idempotency key comes from a header, so it joins later. */
  record Body(String userEmail, int rating, FeedbackSource source, String comment, String userAgent) {}

  static final BodyReader<Body> BODY = body -> {
    body.allowOnly(Set.of("user_email", "rating", "source", "comment", "user_agent"));
    var checks = body.checks();
    String email = body.requiredEmail("user_email");
    Integer rating = body.requiredInteger("rating", NewFeedback.MIN_RATING, NewFeedback.MAX_RATING);
    String sourceName = body.requiredText("source");
    FeedbackSource source = sourceName == null ? null : FeedbackSource.fromWire(sourceName).orElse(null);
    if (sourceName != null && source == null) {
      checks.add("source", "must be \"prompted\" or \"voluntary\"");
    }
    String comment = checks.text("comment", body.text("comment"), 0, Limits.MAX_COMMENT_LENGTH);
    String userAgent = checks.text("user_agent", body.text("user_agent"), 0, Limits.MAX_USER_AGENT_LENGTH);
    checks.throwIfAny();
    return new Body(email, rating, source, comment, userAgent);
  };

  private final Interactions interactions;

  public SubmitFeedbackHandler() {
    this(App.get().interactions(), App.get().http());
  }

  SubmitFeedbackHandler(Interactions interactions, Http http) {
    super(BODY, Scopes.FEEDBACK_WRITE, http);
    this.interactions = interactions;
  }

  @Override
  protected Reply<FeedbackView> handle(Call<Body> call) {
    var feature = FeatureRef.of(call.tenant(), call.pathKey("product_key"), call.pathKey("feature_key"));
    Body body = call.body();
    call.requireActingFor(body.userEmail());
    var feedback = new NewFeedback(body.userEmail(), body.rating(), body.source(), body.comment(), body.userAgent(),
        call.idempotencyKey());
    return Reply.created(FeedbackView.of(interactions.submitFeedback(feature, feedback)));
  }
}
