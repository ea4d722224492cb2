package dev.csat.flows;

import static dev.csat.testing.Events.api;
import static dev.csat.testing.Responses.expect;
import static dev.csat.testing.Responses.expectProblem;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.csat.App;
import dev.csat.catalog.CatalogHandlers;
import dev.csat.interactions.InteractionHandlers;
import dev.csat.testing.LocalStack;
import dev.csat.testing.MutableClock;
import dev.csat.testing.TestContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An end-user token (one with an email) acts only for that user. */
class EndUserTokenTest {
  private static InteractionHandlers prompting;

  @BeforeAll
  static void catalogue() {
    App app = LocalStack.freshApp(new MutableClock(Instant.parse("2026-03-05T14:32:00.000Z")));
    CatalogHandlers.of(app).withStoryFeature();
    prompting = InteractionHandlers.of(app);
  }

  @Test
  void actsForItsOwnEmail() {
    expect(200, prompting.increment().handleRequest(as("user@example.com", api("increment-interaction.json")), context()));
    expect(200, prompting.list().handleRequest(as("USER@example.com", api("list-feature-interactions.json")), context()));
    expect(201, prompting.submitFeedback().handleRequest(as("user@example.com", api("submit-feedback.json")), context()));
  }

  @Test
  void refusesToActForAnotherUser() {
    String other = "someone.else@example.com";
    expectProblem(403, "forbidden", prompting.increment().handleRequest(as(other, api("increment-interaction.json")), context()));
    expectProblem(403, "forbidden", prompting.reject().handleRequest(as(other, api("reject-prompt.json")), context()));
    expectProblem(403, "forbidden", prompting.list().handleRequest(as(other, api("list-feature-interactions.json")), context()));
    expectProblem(403, "forbidden", prompting.submitFeedback().handleRequest(as(other, api("submit-feedback.json")), context()));
  }

  /** The event as sent with an end-user token for {@code email} (the authorizer lower-cases it). */
  private static APIGatewayProxyRequestEvent as(String email, APIGatewayProxyRequestEvent event) {
    Map<String, Object> authorizer = new HashMap<>(event.getRequestContext().getAuthorizer());
    authorizer.put("email", email.toLowerCase(java.util.Locale.ROOT));
    event.getRequestContext().setAuthorizer(authorizer);
    return event;
  }

  private static com.amazonaws.services.lambda.runtime.Context context() {
    return TestContext.of("EndUserTokenTest");
  }
}
