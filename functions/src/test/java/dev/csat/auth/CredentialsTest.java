package dev.csat.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CredentialsTest {
  private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.e30.c2ln";
  private static final String KEY = "csk_0123456789abcdef";

  @Test
  void aBearerJwt() {
    assertEquals(new Credential.Jwt(JWT), Credentials.from(Map.of("Authorization", "Bearer " + JWT)));
  }

  @Test
  void headerNamesAndTheSchemeMatchInAnyCase() {
    assertEquals(new Credential.Jwt(JWT), Credentials.from(Map.of("authorization", "bearer " + JWT)));
    assertEquals(new Credential.Jwt(JWT), Credentials.from(Map.of("AUTHORIZATION", "BEARER  " + JWT)));
    assertEquals(new Credential.ApiKey(KEY), Credentials.from(Map.of("x-api-key", KEY)));
    assertEquals(new Credential.ApiKey(KEY), Credentials.from(Map.of("X-Api-Key", KEY)));
  }

  @Test
  void aBearerApiKey() {
    assertEquals(new Credential.ApiKey(KEY), Credentials.from(Map.of("Authorization", "Bearer " + KEY)));
  }

  @Test
  void anApiKeyHeader() {
    assertEquals(new Credential.ApiKey(KEY), Credentials.from(Map.of("X-API-Key", KEY, "Accept", "application/json")));
  }

  @Test
  void otherHeadersDoNotMatter() {
    assertEquals(new Credential.Jwt(JWT), Credentials.from(Map.of("Authorization", "Bearer " + JWT, "X-Api-Keys", "x")));
  }

  @Test
  void neverPrintsTheCredential() {
    assertFalse(new Credential.Jwt(JWT).toString().contains(JWT));
    assertFalse(new Credential.ApiKey(KEY).toString().contains(KEY));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void rejects(String name, Map<String, String> headers, String reason) {
    var e = assertThrows(InvalidCredentialException.class, () -> Credentials.from(headers));

    assertTrue(e.getMessage().contains(reason), () -> "reason '" + e.getMessage() + "' lacks '" + reason + "'");
  }

  static Stream<Arguments> invalid() {
    Map<String, String> twoAuthorizations = new HashMap<>();
    twoAuthorizations.put("Authorization", "Bearer " + JWT);
    twoAuthorizations.put("authorization", "Bearer " + KEY);
    return Stream.of(
        Arguments.of("no headers at all", null, "no credential"),
        Arguments.of("no credential header", Map.of("Accept", "application/json"), "no credential"),
        Arguments.of("Basic scheme", Map.of("Authorization", "Basic dXNlcjpwYXNz"), "not a Bearer"),
        Arguments.of("bare token", Map.of("Authorization", JWT), "not a Bearer"),
        Arguments.of("Bearer without a space", Map.of("Authorization", "Bearer"), "not a Bearer"),
        Arguments.of("empty Bearer", Map.of("Authorization", "Bearer    "), "empty"),
        Arguments.of("X-API-Key that is not an API key", Map.of("X-API-Key", JWT), "not an API key"),
        Arguments.of("a JWT and an API key", Map.of("Authorization", "Bearer " + JWT, "X-API-Key", KEY), "both"),
        Arguments.of("the same API key twice", Map.of("Authorization", "Bearer " + KEY, "X-API-Key", KEY), "both"),
        Arguments.of("Authorization twice", twoAuthorizations, "more than one"),
        Arguments.of("oversized Authorization",
            Map.of("Authorization", "Bearer " + "a".repeat(Credentials.MAX_HEADER_LENGTH)), "longer than"),
        Arguments.of("oversized X-API-Key",
            Map.of("X-API-Key", "csk_" + "a".repeat(Credentials.MAX_HEADER_LENGTH)), "longer than"));
  }
}
