package dev.csat.feedback;

import dev.csat.http.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Feedback as CSV (RFC 4180: comma-separated, CRLF line ends, fields with commas, quotes or line
 * breaks quoted). Free text that a spreadsheet would run as a formula (starting with = + - @ tab
 * or CR) gets a leading apostrophe, as OWASP advises against CSV injection; keys and times are
 * never changed.
 */
final class FeedbackCsv {
  static final String HEADER = String.join(",", "id", "created_at", "updated_at", "rating", "scale", "source",
      "platform", "product_key", "feature_key", "user_email", "respondent_id", "reference", "company_id",
      "company_name", "agent_id", "carrier", "country", "state", "comment", "follow_up_comment",
      "follow_up_created_by", "follow_up_created_at", "follow_up_updated_by", "follow_up_updated_at",
      "user_agent", "metadata") + "\r\n";

  private FeedbackCsv() {}

  static String row(InboxFeedback f) {
    FollowUp followUp = f.followUp();
    List<String> fields = new ArrayList<>(26);
    fields.add(f.id().toString());
    fields.add(time(f.createdAt()));
    fields.add(time(f.updatedAt()));
    fields.add(Integer.toString(f.rating()));
    fields.add(f.scale().wireName());
    fields.add(f.source().wireName());
    fields.add(f.platform());
    fields.add(f.productKey());
    fields.add(f.featureKey());
    fields.add(f.userEmail());
    fields.add(f.respondentId());
    fields.add(f.reference());
    fields.add(f.companyId());
    fields.add(freeText(f.companyName()));
    fields.add(f.agentId());
    fields.add(f.carrier());
    fields.add(f.country());
    fields.add(f.state().wireName());
    fields.add(freeText(f.comment()));
    fields.add(followUp == null ? null : freeText(followUp.comment()));
    fields.add(followUp == null ? null : followUp.createdBy());
    fields.add(followUp == null ? null : time(followUp.createdAt()));
    fields.add(followUp == null ? null : followUp.updatedBy());
    fields.add(followUp == null ? null : time(followUp.updatedAt()));
    fields.add(freeText(f.userAgent()));
    fields.add(f.metadata());
    StringBuilder line = new StringBuilder();
    for (String field : fields) {
      if (!line.isEmpty()) {
        line.append(',');
      }
      line.append(quoted(field));
    }
    return line.append("\r\n").toString();
  }

  private static String time(Instant time) {
    return time == null ? null : Json.timestamp(time);
  }

  private static String freeText(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    char first = text.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
        ? "'" + text
        : text;
  }

  private static String quoted(String field) {
    if (field == null) {
      return "";
    }
    boolean quote = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
        || field.indexOf('\r') >= 0;
    return quote ? '"' + field.replace("\"", "\"\"") + '"' : field;
  }
}
