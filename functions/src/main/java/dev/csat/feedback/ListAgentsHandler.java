package dev.csat.feedback;

import dev.csat.App;
import dev.csat.auth.Scopes;
import dev.csat.http.ApiHandler;
import dev.csat.http.Call;
import dev.csat.http.DataList;
import dev.csat.http.Http;
import dev.csat.http.Reply;

/** listAgents: GET /agents (for the inbox's filter menus) */
public final class ListAgentsHandler extends ApiHandler<Void, DataList<ListAgentsHandler.AgentView>> {
  record AgentView(String agentId, String name) {}

  private final Inbox inbox;

  public ListAgentsHandler() {
    this(App.get().inbox(), App.get().http());
  }

  ListAgentsHandler(Inbox inbox, Http http) {
    super(Scopes.FEEDBACK_READ, http);
    this.inbox = inbox;
  }

  @Override
  protected Reply<DataList<AgentView>> handle(Call<Void> call) {
    return Reply.ok(DataList.of(inbox.agents(call.tenant()).stream()
        .map(agent -> new AgentView(agent.agentId(), agent.name()))
        .toList()));
  }
}
