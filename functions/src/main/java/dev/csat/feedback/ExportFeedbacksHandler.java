package dev.csat.feedback;

import dev.csat.App;
import dev.csat.auth.Scopes;
import dev.csat.core.Checks;
import dev.csat.http.ApiHandler;
import dev.csat.http.Call;
import dev.csat.http.Http;
import dev.csat.http.Json;
import dev.csat.http.Reply;
import dev.csat.http.TextBody;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * exportFeedbacks: GET /feedbacks/export?format=csv|ndjson plus the filters and sort of GET
 * /feedbacks. A response is one part of the export: as many rows as fit in Lambda's 6 MB
 * response and well within API Gateway's 29 s. While rows remain, the part carries an
 * {@code X-Next-Cursor} header; the client asks again with {@code after=<that cursor>} and
 * appends, until a part comes without one. Only the first part has the CSV header line. The rows
 * and their order are exactly those of GET /feedbacks with the same parameters.
 */
public final class ExportFeedbacksHandler extends ApiHandler<Void, TextBody> {
  static final String NEXT_CURSOR_HEADER = "X-Next-Cursor";

  /**
   * How big a part may grow. A part fetches no new Data API page once it holds
   * {@code maxPartBytes}: one page carries at most ~300 KB of row text (FeedbackPageSql's
   * budget), which CSV quoting and then the JSON escaping of Lambda's proxy response can each
   * double, so the default part stays under 5 MB of Lambda's 6 MB. API Gateway waits 29 s.
   */
  record PartLimits(int rowsPerCall, long maxPartBytes, Duration maxPartTime) {
    static final PartLimits LAMBDA = new PartLimits(1_000, 3_500_000, Duration.ofSeconds(15));
  }

  private final Inbox inbox;
  private final Json json;
  private final PartLimits limits;

  public ExportFeedbacksHandler() {
    this(App.get().inbox(), App.get().http(), PartLimits.LAMBDA);
  }

  ExportFeedbacksHandler(Inbox inbox, Http http, PartLimits limits) {
    super(Scopes.FEEDBACK_READ, http);
    this.inbox = inbox;
    this.json = http.json();
    this.limits = limits;
  }

  @Override
  protected Reply<TextBody> handle(Call<Void> call) {
    long deadline = System.nanoTime() + limits.maxPartTime().toNanos();
    var params = QueryString.read(call, Set.of("format", "after"));
    boolean csv = csv(params.single("format"), params.checks());
    String after = params.single("after");
    FeedbackQuery query = params.toQuery();

    StringBuilder out = new StringBuilder(csv && after == null ? FeedbackCsv.HEADER : "");
    long bytes = JsonSize.of(out);
    String next = after;
    do {
      KeysetPage page = inbox.page(query, limits.rowsPerCall(), next, null);
      for (InboxFeedback feedback : page.data()) {
        String line = csv ? FeedbackCsv.row(feedback) : json.write(FeedbackView.of(feedback)) + "\n";
        out.append(line);
        bytes += JsonSize.of(line);
      }
      next = page.next();
    } while (next != null && bytes < limits.maxPartBytes() && System.nanoTime() < deadline);
    Map<String, String> headers = new HashMap<>();
    if (next != null) {
      headers.put(NEXT_CURSOR_HEADER, next);
    }
    String contentType = csv ? "text/csv; charset=utf-8" : "application/x-ndjson";
    return Reply.ok(new TextBody(contentType, out.toString(), headers));
  }

  private static boolean csv(String format, Checks checks) {
    if (format == null || format.equals("csv")) {
      return true;
    }
    if (!format.equals("ndjson")) {
      checks.add("format", "must be \"csv\" or \"ndjson\"");
    }
    return false;
  }
}
