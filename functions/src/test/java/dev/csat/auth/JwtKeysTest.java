package dev.csat.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JwtKeysTest {
  private static final String SECRET_32 = "0123456789abcdef0123456789abcdef";

  @AfterEach
  void clearConfiguration() {
    System.clearProperty("CSAT_JWT_KEYS");
  }

  @Test
  void readsEveryKid() {
    JwtKeys keys = JwtKeys.fromJson("{\"2025-01\":\"" + SECRET_32 + "\",\"2025-06\":\"" + SECRET_32 + "!\"}", "CSAT_JWT_KEYS");

    assertEquals(Set.of("2025-01", "2025-06"), keys.kids());
    assertEquals(SECRET_32 + "!", new String(keys.key("2025-06").orElseThrow().getEncoded(), StandardCharsets.UTF_8));
    assertTrue(keys.key("2024-12").isEmpty());
  }

  @Test
  void secretsAreMeasuredInUtf8Bytes() {
    String sixteenTwoByteChars = "é".repeat(16);

    assertEquals(Set.of("k"), JwtKeys.fromJson("{\"k\":\"" + sixteenTwoByteChars + "\"}", "test").kids());
  }

  @Test
  void refusesAShortKeyNamingItsKidButNotItsSecret() {
    String shortSecret = "only-thirty-one-bytes-long-here";
    var e = assertThrows(IllegalArgumentException.class,
        () -> JwtKeys.fromJson("{\"ok\":\"" + SECRET_32 + "\",\"weak\":\"" + shortSecret + "\"}", "CSAT_JWT_KEYS"));

    assertTrue(e.getMessage().contains("'weak' is 31 bytes"), e.getMessage());
    assertFalse(e.getMessage().contains(shortSecret));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      not JSON                  | {"k1": "%s"                          | not valid JSON
      a JSON array              | ["%s"]                               | must be a JSON object
      an empty object           | {}                                   | at least one key
      a number secret           | {"k1": 12345678901234567890123456789012345} | must be a string
      a duplicate kid           | {"k1": "%s", "k1": "%s"}             | not valid JSON
      a blank kid               | {" ": "%s"}                          | must not be blank
      trailing content          | {"k1": "%s"} {}                      | not valid JSON
      """)
  void refuses(String name, String json, String reason) {
    String text = json.replace("%s", SECRET_32);
    var e = assertThrows(IllegalArgumentException.class, () -> JwtKeys.fromJson(text, "CSAT_JWT_KEYS"));

    assertTrue(e.getMessage().startsWith("CSAT_JWT_KEYS"), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
    assertFalse(e.getMessage().contains(SECRET_32), "quotes the secret");
    assertEquals(null, e.getCause(), "a parser's cause would quote the input");
  }

  @Test
  void neverPrintsSecrets() {
    assertFalse(JwtKeys.fromJson("{\"k1\":\"" + SECRET_32 + "\"}", "test").toString().contains(SECRET_32));
  }

  @Test
  void theLocalSourceReadsCsatJwtKeys() {
    System.setProperty("CSAT_JWT_KEYS", "{\"local\":\"" + SECRET_32 + "\"}");

    assertEquals(Set.of("local"), JwtKeySource.fromConfig().current().kids());
  }

  @Test
  void theLocalSourceFailsFastOnABadKeySet() {
    System.setProperty("CSAT_JWT_KEYS", "{\"local\":\"short\"}");

    assertThrows(IllegalArgumentException.class, JwtKeySource::fromConfig);
  }
}
