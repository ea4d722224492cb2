package dev.csat.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {
  @Test
  void splitsOnSemicolonsOutsideQuotesCommentsAndDollarBodies() {
    String script = """
        -- a comment; not a split
        CREATE TABLE a (x text DEFAULT 'semi;colon', "odd;name" int);
        /* block; comment */
        CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;
        SELECT 'it''s; fine', $$ a; b $$;
        -- trailing comment only
        """;
    List<String> statements = SqlScript.statements(script);
    assertEquals(3, statements.size(), statements.toString());
    assertEquals("-- a comment; not a split\nCREATE TABLE a (x text DEFAULT 'semi;colon', \"odd;name\" int)",
        statements.get(0));
    assertEquals("/* block; comment */\nCREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql",
        statements.get(1));
    assertEquals("SELECT 'it''s; fine', $$ a; b $$", statements.get(2));
  }

  @Test
  void everyShippedMigrationSplitsIntoStatements() {
    var migrations = Migrations.fromClasspath();
    assertFalse(migrations.versions().isEmpty());
  }
}
