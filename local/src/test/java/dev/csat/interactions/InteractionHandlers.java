package dev.csat.interactions;

import dev.csat.App;

/** The prompting handlers wired to one test {@link App} (their test constructors are package-private). */
public record InteractionHandlers(
    ListFeatureInteractionsHandler list,
    IncrementInteractionHandler increment,
    RejectPromptHandler reject,
    SubmitFeedbackHandler submitFeedback) {

  public static InteractionHandlers of(App app) {
    return new InteractionHandlers(
        new ListFeatureInteractionsHandler(app.interactions(), app.http()),
        new IncrementInteractionHandler(app.interactions(), app.http()),
        new RejectPromptHandler(app.interactions(), app.http()),
        new SubmitFeedbackHandler(app.interactions(), app.http()));
  }
}
