package dev.csat.apikeys;

import dev.csat.App;
import dev.csat.auth.Scopes;
import dev.csat.core.Limits;
import dev.csat.http.ApiHandler;
import dev.csat.http.BodyReader;
import dev.csat.http.Call;
import dev.csat.http.Http;
import dev.csat.http.Reply;
import java.util.Set;

/** createApiKey: POST /api-keys */
public final class CreateApiKeyHandler extends ApiHandler<NewApiKey, CreatedApiKeyView> {
  static final BodyReader<NewApiKey> BODY = body -> {
    body.allowOnly(Set.of("name", "scopes"));
    var checks = body.checks();
    return new NewApiKey(
        checks.text("name", body.requiredText("name"), 1, Limits.MAX_NAME_LENGTH),
        NewApiKey.checkScopes(checks, "scopes", body.requiredTextList("scopes")));
  };

  private final ApiKeys apiKeys;

  public CreateApiKeyHandler() {
    this(App.get().apiKeys(), App.get().http());
  }

  CreateApiKeyHandler(ApiKeys apiKeys, Http http) {
    super(BODY, Scopes.KEYS_MANAGE, http);
    this.apiKeys = apiKeys;
  }

  @Override
  protected Reply<CreatedApiKeyView> handle(Call<NewApiKey> call) {
    return Reply.created(CreatedApiKeyView.of(apiKeys.create(call.caller(), call.body())));
  }
}
