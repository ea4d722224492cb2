package dev.csat.apikeys;

import dev.csat.App;
import dev.csat.auth.Scopes;
import dev.csat.core.ValidationException;
import dev.csat.http.ApiHandler;
import dev.csat.http.Call;
import dev.csat.http.Http;
import dev.csat.http.Reply;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** revokeApiKey: DELETE /api-keys/{id} */
public final class RevokeApiKeyHandler extends ApiHandler<Void, Void> {
  // UUID.fromString also takes "1-2-3-4-5": only the canonical 36-character form is an id.
  private static final Pattern ID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final ApiKeys apiKeys;

  public RevokeApiKeyHandler() {
    this(App.get().apiKeys(), App.get().http());
  }

  RevokeApiKeyHandler(ApiKeys apiKeys, Http http) {
    super(Scopes.KEYS_MANAGE, http);
    this.apiKeys = apiKeys;
  }

  @Override
  protected Reply<Void> handle(Call<Void> call) {
    apiKeys.revoke(call.tenant(), id(call.pathParameters().get("id")));
    return Reply.noContent();
  }

  private static UUID id(String value) {
    if (value == null || !ID.matcher(value).matches()) {
      throw ValidationException.of("id", "must be a UUID");
    }
    return UUID.fromString(value.toLowerCase(Locale.ROOT));
  }
}
