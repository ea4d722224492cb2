package dev.csat.migrations;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a migration file into statements: the Data API runs one statement per call. Semicolons
 * inside quotes, quoted identifiers, comments and dollar-quoted bodies do not split.
 */
final class SqlScript {
  private SqlScript() {}

  static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int i = 0;
    while (i < script.length()) {
      char c = script.charAt(i);
      int end;
      if (c == '\'' || c == '"') {
        end = closingQuote(script, i, c);
      } else if (script.startsWith("--", i)) {
        end = indexOrEnd(script, "\n", i);
      } else if (script.startsWith("/*", i)) {
        end = indexOrEnd(script, "*/", i + 2) + 2;
      } else if (c == '$' && dollarTag(script, i) != null) {
        String tag = dollarTag(script, i);
        end = indexOrEnd(script, tag, i + tag.length()) + tag.length();
      } else if (c == ';') {
        add(statements, current);
        current.setLength(0);
        i++;
        continue;
      } else {
        end = i + 1;
      }
      end = Math.min(end, script.length());
      current.append(script, i, end);
      i = end;
    }
    add(statements, current);
    return statements;
  }

  private static void add(List<String> statements, StringBuilder statement) {
    String sql = statement.toString().strip();
    if (!withoutComments(sql).isBlank()) {
      statements.add(sql);
    }
  }

  private static String withoutComments(String sql) {
    return sql.replaceAll("(?m)--.*$", "").replaceAll("(?s)/\\*.*?\\*/", "");
  }

  private static int closingQuote(String script, int start, char quote) {
    int i = start + 1;
    while (i < script.length()) {
      if (script.charAt(i) == quote) {
        if (i + 1 < script.length() && script.charAt(i + 1) == quote) {
          i += 2; // a doubled quote is an escaped quote
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return script.length();
  }

  /** "$$" or "$tag$" starting at {@code start}, or null when the dollar sign starts no quote. */
  private static String dollarTag(String script, int start) {
    int i = start + 1;
    while (i < script.length() && (Character.isLetterOrDigit(script.charAt(i)) || script.charAt(i) == '_')) {
      i++;
    }
    if (i < script.length() && script.charAt(i) == '$' && (i == start + 1 || !Character.isDigit(script.charAt(start + 1)))) {
      return script.substring(start, i + 1);
    }
    return null;
  }

  private static int indexOrEnd(String script, String token, int from) {
    int index = script.indexOf(token, from);
    return index < 0 ? script.length() : index;
  }
}
