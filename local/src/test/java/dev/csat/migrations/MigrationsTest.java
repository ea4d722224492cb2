package dev.csat.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.csat.data.DataApi;
import dev.csat.data.SqlParams;
import dev.csat.testing.LocalStack;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Migrations through the Data API: in order, once, and never silently edited. */
class MigrationsTest {
  @Test
  void applyingTwiceChangesNothing() {
    DataApi db = LocalStack.freshDatabase();
    assertEquals(List.of(), Migrations.fromClasspath().apply(db));
    long tables = db.query("SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public'",
        SqlParams.of()).getFirst().longValue("n");
    assertTrue(tables >= 5, "tables: " + tables);
  }

  @Test
  void aFailingMigrationLeavesNoTrace() {
    DataApi db = LocalStack.freshDatabase();
    var broken = new Migrations(List.of(new Migrations.Migration("V900__broken.sql", "x",
        List.of("CREATE TABLE half_done (id int)", "SELECT no_such_function()"))));
    assertThrows(RuntimeException.class, () -> broken.apply(db));
    assertTrue(db.query("SELECT to_regclass('half_done')::text AS t", SqlParams.of()).getFirst().isNull("t"));
    assertTrue(db.query("SELECT version FROM schema_migrations WHERE version = 'V900__broken.sql'",
        SqlParams.of()).isEmpty());
  }

  @Test
  void anEditedAppliedMigrationIsRefused() {
    DataApi db = LocalStack.freshDatabase();
    String first = Migrations.fromClasspath().versions().stream().sorted().findFirst().orElseThrow();
    var edited = new Migrations(List.of(new Migrations.Migration(first, "another-checksum", List.of("SELECT 1"))));
    var error = assertThrows(IllegalStateException.class, () -> edited.apply(db));
    assertTrue(error.getMessage().contains("changed after it was applied"), error.getMessage());
  }
}
