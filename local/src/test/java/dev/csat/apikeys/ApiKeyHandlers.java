package dev.csat.apikeys;

import dev.csat.App;

/** The API-key handlers wired to one test {@link App} (their test constructors are package-private). */
public record ApiKeyHandlers(
    CreateApiKeyHandler create,
    ListApiKeysHandler list,
    RevokeApiKeyHandler revoke) {

  public static ApiKeyHandlers of(App app) {
    return new ApiKeyHandlers(
        new CreateApiKeyHandler(app.apiKeys(), app.http()),
        new ListApiKeysHandler(app.apiKeys(), app.http()),
        new RevokeApiKeyHandler(app.apiKeys(), app.http()));
  }
}
