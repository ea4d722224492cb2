package dev.csat.feedback;

import dev.csat.core.Limits;
import dev.csat.http.BodyReader;
import java.util.Set;

/** The body of adding or editing a follow-up: {@code {"comment": "..."}}. */
record FollowUpBody(String comment) {
  static final BodyReader<FollowUpBody> READER = body -> {
    body.allowOnly(Set.of("comment"));
    String comment = body.checks().text("comment", body.requiredText("comment"), 1, Limits.MAX_COMMENT_LENGTH);
    if (comment != null && comment.isBlank()) {
      body.checks().add("comment", "must not be blank");
    }
    return new FollowUpBody(comment);
  };
}
