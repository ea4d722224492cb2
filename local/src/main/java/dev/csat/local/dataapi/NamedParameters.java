package dev.csat.local.dataapi;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites the Data API's ":name" parameters as JDBC "?" placeholders. Only code is rewritten:
 * string literals ('...' and E'...'), quoted identifiers, comments, dollar-quoted bodies and "::"
 * casts pass through untouched. A literal "?" in code (a jsonb operator) becomes "??", which the
 * PostgreSQL driver reads back as "?" instead of taking it for a placeholder.
 */
final class NamedParameters {
  /** The JDBC statement and, for each "?" in order, the name of the parameter it stands for. */
  record Translation(String jdbcSql, List<String> parameterNames) {}

  private final String sql;
  private final StringBuilder out;
  private final List<String> names = new ArrayList<>();
  private int position;

  private NamedParameters(String sql) {
    this.sql = sql;
    this.out = new StringBuilder(sql.length() + 16);
  }

  static Translation translate(String sql) {
    NamedParameters translator = new NamedParameters(sql);
    translator.run();
    return new Translation(translator.out.toString(), List.copyOf(translator.names));
  }

  private void run() {
    while (position < sql.length()) {
      char c = sql.charAt(position);
      if (c == '\'') {
        copyQuoted('\'', isEscapeString());
      } else if (c == '"') {
        copyQuoted('"', false);
      } else if (startsWith("--")) {
        copyLineComment();
      } else if (startsWith("/*")) {
        copyBlockComment();
      } else if (c == '$' && dollarTag() != null) {
        copyDollarQuoted(dollarTag());
      } else if (startsWith("::")) {
        copy(2);
      } else if (c == ':' && position + 1 < sql.length() && isNameStart(sql.charAt(position + 1))) {
        replaceParameter();
      } else if (c == '?') {
        out.append("??");
        position++;
      } else if (isNamePart(c)) {
        copyWord();
      } else {
        copy(1);
      }
    }
  }

  private void replaceParameter() {
    int start = ++position;
    while (position < sql.length() && isNamePart(sql.charAt(position))) {
      position++;
    }
    names.add(sql.substring(start, position));
    out.append('?');
  }

  // Copies an identifier or keyword whole, so a '$' inside it (PostgreSQL allows "a$b") never opens a dollar quote.
  private void copyWord() {
    int start = position;
    while (position < sql.length() && (isNamePart(sql.charAt(position)) || sql.charAt(position) == '$')) {
      position++;
    }
    out.append(sql, start, position);
  }

  // E'...' strings take backslash escapes; the E must start a token, not end an identifier.
  private boolean isEscapeString() {
    if (position == 0 || Character.toUpperCase(sql.charAt(position - 1)) != 'E') {
      return false;
    }
    return position == 1 || !isNamePart(sql.charAt(position - 2));
  }

  // Copies a quoted run; a doubled quote is an escaped quote, and in E'' strings so is \'.
  private void copyQuoted(char quote, boolean backslashEscapes) {
    int end = position + 1;
    while (end < sql.length()) {
      char c = sql.charAt(end);
      if (backslashEscapes && c == '\\') {
        end += 2;
      } else if (c == quote && end + 1 < sql.length() && sql.charAt(end + 1) == quote) {
        end += 2;
      } else if (c == quote) {
        end++;
        break;
      } else {
        end++;
      }
    }
    copyTo(end);
  }

  private void copyLineComment() {
    int end = sql.indexOf('\n', position);
    copyTo(end < 0 ? sql.length() : end + 1);
  }

  // PostgreSQL block comments nest.
  private void copyBlockComment() {
    int depth = 0;
    int end = position;
    while (end < sql.length()) {
      if (sql.startsWith("/*", end)) {
        depth++;
        end += 2;
      } else if (sql.startsWith("*/", end)) {
        depth--;
        end += 2;
        if (depth == 0) {
          break;
        }
      } else {
        end++;
      }
    }
    copyTo(end);
  }

  /** The "$tag$" opening a dollar-quoted string at the current position, or null ("$1" is a positional parameter). */
  private String dollarTag() {
    int end = position + 1;
    while (end < sql.length() && isNamePart(sql.charAt(end))) {
      end++;
    }
    boolean validTag = end == position + 1 || isNameStart(sql.charAt(position + 1));
    return validTag && end < sql.length() && sql.charAt(end) == '$' ? sql.substring(position, end + 1) : null;
  }

  private void copyDollarQuoted(String tag) {
    int close = sql.indexOf(tag, position + tag.length());
    copyTo(close < 0 ? sql.length() : close + tag.length());
  }

  private boolean startsWith(String token) {
    return sql.startsWith(token, position);
  }

  private void copy(int count) {
    copyTo(position + count);
  }

  private void copyTo(int end) {
    int bounded = Math.min(end, sql.length());
    out.append(sql, position, bounded);
    position = bounded;
  }

  private static boolean isNameStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isNamePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
