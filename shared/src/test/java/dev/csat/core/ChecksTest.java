package dev.csat.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ChecksTest {
  @ParameterizedTest
  @MethodSource("validKeys")
  void acceptsKeys(String key) {
    var checks = new Checks();
    assertEquals(key, checks.key("product_key", key));
    checks.throwIfAny();
  }

  static List<String> validKeys() {
    return List.of("acme-app", "a", "A.b_c+d-9", "x".repeat(255));
  }

  static List<String> invalidKeys() {
    return List.of("", "has space", "slash/", "comma,", "ünïcode", "nul\0", "x".repeat(256));
  }

  @ParameterizedTest
  @MethodSource("invalidKeys")
  void refusesKeys(String key) {
    var checks = new Checks();
    assertNull(checks.key("product_key", key));
    var error = assertThrows(ValidationException.class, checks::throwIfAny);
    assertEquals("product_key", error.invalidParams().getFirst().name());
  }

  @ParameterizedTest
  @ValueSource(strings = {"user@example.com", "first.last+tag@sub.example.co.uk", "USER@EXAMPLE.COM"})
  void acceptsEmailsAndLowerCasesThem(String email) {
    var checks = new Checks();
    assertEquals(email.toLowerCase(), checks.email("user_email", email));
    checks.throwIfAny();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "plain", "@example.com", "user@", "user@localhost", "a b@example.com",
      "user@exa mple.com", "user@@example.com", "nul\0@example.com", "user@-example.com"})
  void refusesEmails(String email) {
    var checks = new Checks();
    assertNull(checks.email("user_email", email));
    assertThrows(ValidationException.class, checks::throwIfAny);
  }

  @Test
  void reportsEveryProblemAtOnce() {
    var checks = new Checks();
    checks.email("user_email", "nope");
    checks.range("rating", 11, 1, 10);
    checks.text("comment", "x\0y", 0, 10);
    var error = assertThrows(ValidationException.class, checks::throwIfAny);
    assertEquals(List.of("user_email", "rating", "comment"),
        error.invalidParams().stream().map(InvalidParam::name).toList());
  }

  @Test
  void countsTextLengthInCharactersNotUtf16Units() {
    var checks = new Checks();
    String emoji = "😀".repeat(10);
    assertEquals(emoji, checks.text("comment", emoji, 0, 10));
    checks.throwIfAny();
  }
}
