package dev.csat.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.csat.core.ValidationException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorCodecTest {
  private static final CursorCodec CODEC = new CursorCodec("k".repeat(32).getBytes());
  private static final UUID ID = UUID.fromString("019a6b1e-7c40-7d2a-9b1e-3f0c5a7d9e21");

  @Test
  void aCursorComesBackAsItWent() {
    var cursor = new Cursor(true, "2026-03-05T14:32:00Z", ID);
    assertEquals(cursor, CODEC.decode(CODEC.encode(cursor, "query"), "query", "before"));
    var empty = new Cursor(false, "", ID);
    assertEquals(empty, CODEC.decode(CODEC.encode(empty, "query"), "query", "after"));
  }

  @Test
  void anyTextComesBackAsItWent() {
    for (String value : new String[] {"user@example.com", "", "line\nbreak ünïcode ✓"}) {
      assertEquals(value, CODEC.open(CODEC.sign(value, "query"), "query", "after"));
    }
  }

  @Test
  void aCursorIsOnlyGoodForItsQueryAndKey() {
    String signed = CODEC.sign("user@example.com", "query");
    assertRefused(() -> CODEC.open(signed, "another query", "after"));
    assertRefused(() -> new CursorCodec("x".repeat(32).getBytes()).open(signed, "query", "after"));
    String other = CODEC.sign("admin@example.com", "query");
    String edited = other.substring(0, other.indexOf('.')) + signed.substring(signed.indexOf('.'));
    assertRefused(() -> CODEC.open(edited, "query", "after"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "garbage", "bm90.YWN1cnNvcg", "%%%.%%%", "a.b.c", "."})
  void garbageIsA400NamingTheParameter(String text) {
    assertRefused(() -> CODEC.open(text, "query", "after"));
    assertRefused(() -> CODEC.decode(text, "query", "after"));
  }

  @Test
  void aSignedTextIsNotACursor() {
    assertRefused(() -> CODEC.decode(CODEC.sign("user@example.com", "query"), "query", "after"));
  }

  @Test
  void longTextsAreRefusedUnread() {
    assertRefused(() -> CODEC.open(CODEC.sign("x".repeat(1000), "query"), "query", "after"));
  }

  private static void assertRefused(org.junit.jupiter.api.function.Executable call) {
    var error = assertThrows(ValidationException.class, call);
    assertEquals("after", error.invalidParams().getFirst().name());
  }
}
