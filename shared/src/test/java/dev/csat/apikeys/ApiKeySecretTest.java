package dev.csat.apikeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.csat.core.Uuid7;
import java.time.Instant;
import java.util.HashSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeySecretTest {
  private static final UUID ID = Uuid7.at(Instant.parse("2026-03-05T14:32:00.000Z"));

  @Test
  void tokenIsThePrefixTheIdAnd43Base64UrlCharacters() {
    String token = ApiKeySecret.generate(ID).token();
    assertTrue(token.matches("csk_[0-9a-f]{32}_[A-Za-z0-9_-]{43}"), token);
    assertEquals("csk_" + ID.toString().replace("-", "") + "_", token.substring(0, 37));
  }

  @Test
  void parsesWhatItGeneratesAndMatchesItsOwnHashOnly() {
    ApiKeySecret issued = ApiKeySecret.generate(ID);
    ApiKeySecret presented = ApiKeySecret.parse(issued.token()).orElseThrow();
    assertEquals(ID, presented.id());
    assertTrue(presented.matches(issued.hashHex()));
    assertTrue(issued.hashHex().matches("[0-9a-f]{64}"));
    assertFalse(presented.matches(ApiKeySecret.generate(ID).hashHex()));
    assertFalse(presented.matches(null));
    assertFalse(presented.matches("not hex"));
    assertFalse(presented.matches(issued.hashHex().toUpperCase()));
  }

  @Test
  void secretsAreRandom() {
    var seen = new HashSet<String>();
    for (int i = 0; i < 1000; i++) {
      assertTrue(seen.add(ApiKeySecret.generate(ID).token()));
    }
  }

  @Test
  void neverShowsTheSecretInToString() {
    ApiKeySecret secret = ApiKeySecret.generate(ID);
    String secretPart = secret.token().substring(37);
    assertFalse(secret.toString().contains(secretPart), secret.toString());
    assertFalse(new IssuedApiKey(null, secret.token()).toString().contains(secretPart));
  }

  @Test
  void refusesAnythingButTheExactFormat() {
    String token = ApiKeySecret.generate(ID).token();
    String hex = token.substring(4, 36);
    String secret = token.substring(37);
    for (String bad : new String[] {
        null, "", "csk_", token + "A", token.substring(0, 79), " " + token, token + " ", token + "\n",
        "CSK_" + token.substring(4), "csx_" + token.substring(4), "csk-" + token.substring(4),
        "csk_" + hex.toUpperCase() + "_" + secret,
        "csk_" + ID + "_" + secret,                               // dashes in the id
        "csk_" + hex + "-" + secret,
        "csk_" + hex + "_" + secret.substring(0, 42) + "=",      // padding
        "csk_" + hex + "_" + secret.substring(0, 42) + "+",      // base64, not base64url
        "Bearer " + token}) {
      assertTrue(ApiKeySecret.parse(bad).isEmpty(), () -> "accepted " + bad);
    }
  }

  @Test
  void refusesANonCanonicalLastCharacter() {
    // 43 characters hold 258 bits; the last character of 32 bytes has its two low bits zero.
    String token = ApiKeySecret.generate(ID).token();
    char last = token.charAt(79);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    char other = alphabet.charAt(alphabet.indexOf(last) | 1);
    assertNotEquals(last, other);
    assertTrue(ApiKeySecret.parse(token.substring(0, 79) + other).isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"00000000000000000000000000000000", "0195649c1f8a4d2e8b3c0123456789ab",
      "0195649c1f8a7d2ec b3c0123456789a", "0195649c1f8a7d2e0b3c0123456789ab"})
  void refusesIdsThatAreNotUuidV7(String hex) {
    String secret = ApiKeySecret.generate(ID).token().substring(37);
    assertTrue(ApiKeySecret.parse("csk_" + hex + "_" + secret).isEmpty());
  }
}
