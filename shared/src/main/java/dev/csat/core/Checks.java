package dev.csat.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Collects every invalid input of one request, so the caller learns about all of them at once,
 * then fails with a single {@link ValidationException}. The rules here are the service's input
 * rules (keys, emails, text); each check returns the normalised value, or {@code null} after
 * recording the problem.
 */
public final class Checks {
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._+-]{1,255}");
  // Pragmatic address check: one @, no spaces or controls, a dotted domain. Deliverability is
  // not our concern; a stable identity for the respondent is.
  private static final Pattern EMAIL =
      Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

  // Text is shown in admin tables and exported; other C0 controls are only ever noise or attacks,
  // and refusing them bounds how much JSON escaping can grow a stored text (see FeedbackSql).
  private static final Pattern CONTROL = Pattern.compile("[\\x01-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

  private final List<InvalidParam> problems = new ArrayList<>();

  public void add(String name, String reason) {
    problems.add(new InvalidParam(name, reason));
  }

  /** The problems recorded so far. */
  public List<InvalidParam> problems() {
    return List.copyOf(problems);
  }

  public boolean hasProblemWith(String name) {
    return problems.stream().anyMatch(p -> p.name().equals(name));
  }

  /** Throws the collected problems, if any. */
  public void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  public String key(String name, String value) {
    if (value == null) {
      return null;
    }
    if (!KEY.matcher(value).matches()) {
      add(name, "must be 1-255 characters of A-Z a-z 0-9 . _ + -");
      return null;
    }
    return value;
  }

  /** Emails identify respondents, so they are compared case-insensitively: stored lower-case. */
  public String email(String name, String value) {
    if (value == null) {
      return null;
    }
    if (value.length() > Limits.MAX_NAME_LENGTH || !EMAIL.matcher(value).matches()) {
      add(name, "must be an email address");
      return null;
    }
    return value.toLowerCase(Locale.ROOT);
  }

  public String text(String name, String value, int minLength, int maxLength) {
    if (value == null) {
      return null;
    }
    int length = value.codePointCount(0, value.length());
    if (length < minLength || length > maxLength) {
      add(name, minLength == maxLength
          ? "must be " + minLength + " characters"
          : "must be " + minLength + " to " + maxLength + " characters");
      return null;
    }
    if (value.indexOf('\0') >= 0) {
      add(name, "must not contain NULL bytes");
      return null;
    }
    if (CONTROL.matcher(value).find()) {
      add(name, "must not contain control characters other than tab, line feed and carriage return");
      return null;
    }
    return value;
  }

  public Integer range(String name, Integer value, int min, int max) {
    if (value == null) {
      return null;
    }
    if (value < min || value > max) {
      add(name, "must be an integer from " + min + " to " + max);
      return null;
    }
    return value;
  }
}
