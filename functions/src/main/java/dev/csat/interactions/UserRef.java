package dev.csat.interactions;

import dev.csat.http.BodyReader;
import java.util.Set;

/** The body of increment and reject: {@code {"user_email": "..."}}. */
record UserRef(String userEmail) {
  static final BodyReader<UserRef> BODY = body -> {
    body.allowOnly(Set.of("user_email"));
    return new UserRef(body.requiredEmail("user_email"));
  };
}
