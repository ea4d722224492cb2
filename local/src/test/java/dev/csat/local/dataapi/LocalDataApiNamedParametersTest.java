package dev.csat.local.dataapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.csat.local.dataapi.NamedParameters.Translation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ":name" to "?" translation, without a database. */
class LocalDataApiNamedParametersTest {

  private static void assertTranslation(String sql, String expectedSql, String... expectedNames) {
    Translation translation = NamedParameters.translate(sql);
    assertEquals(expectedSql, translation.jdbcSql());
    assertEquals(List.of(expectedNames), translation.parameterNames());
  }

  @Test
  void replacesEachOccurrenceInOrder() {
    assertTranslation("SELECT * FROM t WHERE a = :a AND (b = :b OR b = :a)",
        "SELECT * FROM t WHERE a = ? AND (b = ? OR b = ?)", "a", "b", "a");
  }

  @Test
  void leavesCastsAloneButTranslatesTheParameterBeforeThem() {
    assertTranslation("SELECT :id::uuid, x::text, y :: int, :n::numeric(5,2)[]",
        "SELECT ?::uuid, x::text, y :: int, ?::numeric(5,2)[]", "id", "n");
  }

  @Test
  void leavesStringLiteralsAlone() {
    assertTranslation("SELECT ':a', 'it''s :b', :c", "SELECT ':a', 'it''s :b', ?", "c");
  }

  @Test
  void escapeStringsMayHideQuotesBehindBackslashes() {
    assertTranslation("SELECT E'it\\'s :a', e'\\\\', :b", "SELECT E'it\\'s :a', e'\\\\', ?", "b");
  }

  @Test
  void aStandardStringEndsAtTheQuoteEvenAfterABackslash() {
    assertTranslation("SELECT 'C:\\', :a", "SELECT 'C:\\', ?", "a");
  }

  @Test
  void anIdentifierEndingInEIsNoEscapeStringPrefix() {
    assertTranslation("SELECT name'\\', :a", "SELECT name'\\', ?", "a");
  }

  @Test
  void leavesQuotedIdentifiersAlone() {
    assertTranslation("SELECT \"odd:name\", \"say \"\":x\"\"\" FROM t WHERE a = :a",
        "SELECT \"odd:name\", \"say \"\":x\"\"\" FROM t WHERE a = ?", "a");
  }

  @Test
  void leavesCommentsAlone() {
    assertTranslation("SELECT 1 -- :a\n, :b /* :c /* nested :d */ still :e */ , :f",
        "SELECT 1 -- :a\n, ? /* :c /* nested :d */ still :e */ , ?", "b", "f");
  }

  @Test
  void leavesDollarQuotedBodiesAlone() {
    assertTranslation("SELECT $$ :a ' $$, $fn$ :b $$ :c $fn$, :d",
        "SELECT $$ :a ' $$, $fn$ :b $$ :c $fn$, ?", "d");
  }

  @Test
  void positionalParametersAndDollarsInIdentifiersAreNotDollarQuotes() {
    assertTranslation("SELECT $1, a$b$c, :x", "SELECT $1, a$b$c, ?", "x");
  }

  @Test
  void doublesQuestionMarksSoTheDriverKeepsThemAsOperators() {
    assertTranslation("SELECT data ? 'k', data ?| :keys FROM t WHERE '?' = '?'",
        "SELECT data ?? 'k', data ??| ? FROM t WHERE '?' = '?'", "keys");
  }

  @Test
  void aColonBeforeADigitOrAnOperatorIsNoParameter() {
    assertTranslation("SELECT a[1:2], f(x := 1), :_under_score1", "SELECT a[1:2], f(x := 1), ?", "_under_score1");
  }

  @Test
  void unterminatedQuotesRunToTheEnd() {
    assertTranslation("SELECT :a, 'open :b", "SELECT ?, 'open :b", "a");
  }
}
