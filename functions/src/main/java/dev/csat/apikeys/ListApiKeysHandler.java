package dev.csat.apikeys;

import dev.csat.App;
import dev.csat.auth.Scopes;
import dev.csat.http.ApiHandler;
import dev.csat.http.Call;
import dev.csat.http.DataList;
import dev.csat.http.Http;
import dev.csat.http.Reply;

/** listApiKeys: GET /api-keys */
public final class ListApiKeysHandler extends ApiHandler<Void, DataList<ApiKeyView>> {
  private final ApiKeys apiKeys;

  public ListApiKeysHandler() {
    this(App.get().apiKeys(), App.get().http());
  }

  ListApiKeysHandler(ApiKeys apiKeys, Http http) {
    super(Scopes.KEYS_MANAGE, http);
    this.apiKeys = apiKeys;
  }

  @Override
  protected Reply<DataList<ApiKeyView>> handle(Call<Void> call) {
    return Reply.ok(DataList.of(apiKeys.list(call.tenant()).stream().map(ApiKeyView::of).toList()));
  }
}
