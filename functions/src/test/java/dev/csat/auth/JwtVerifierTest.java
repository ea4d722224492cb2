package dev.csat.auth;

import static dev.csat.auth.TestJwts.KID;
import static dev.csat.auth.TestJwts.NEW_KID;
import static dev.csat.auth.TestJwts.NEW_SECRET;
import static dev.csat.auth.TestJwts.NOW;
import static dev.csat.auth.TestJwts.NOW_SECONDS;
import static dev.csat.auth.TestJwts.SECRET;
import static dev.csat.auth.TestJwts.b64;
import static dev.csat.auth.TestJwts.claims;
import static dev.csat.auth.TestJwts.header;
import static dev.csat.auth.TestJwts.json;
import static dev.csat.auth.TestJwts.sign;
import static dev.csat.auth.TestJwts.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JwtVerifierTest {
  private final JwtVerifier verifier = TestJwts.verifier();

  @Test
  void acceptsAServiceToken() {
    Caller caller = verifier.verify(token(claims()));

    assertEquals("acme", caller.tenant());
    assertEquals("svc-reporting", caller.principal());
    assertEquals(Set.of(Scopes.FEEDBACK_READ, Scopes.INTERACTIONS_WRITE), caller.scopes());
    assertNull(caller.email());
    assertFalse(caller.isEndUser());
  }

  @Test
  void acceptsAnEndUserTokenWithItsEmailLowerCased() {
    Caller caller = verifier.verify(token(with(c -> c.put("email", "Ana.Silva@Example.COM"))));

    assertEquals("ana.silva@example.com", caller.email());
    assertTrue(caller.isEndUser());
  }

  @Test
  void aMissingScopeGrantsNothing() {
    assertEquals(Set.of(), verifier.verify(token(with(c -> c.remove("scope")))).scopes());
  }

  @Test
  void unknownScopesAreDroppedAndExtraSpacesIgnored() {
    Caller caller = verifier.verify(token(with(c -> c.put("scope", " openid  feedback:read admin:all "))));

    assertEquals(Set.of(Scopes.FEEDBACK_READ), caller.scopes());
  }

  @Test
  void acceptsTimesWithinTheLeeway() {
    verifier.verify(token(with(c -> c.put("exp", NOW_SECONDS - 59))));
    verifier.verify(token(with(c -> c.put("nbf", NOW_SECONDS + 60))));
    verifier.verify(token(with(c -> c.put("iat", NOW_SECONDS + 60))));
  }

  @Test
  void acceptsNumericDatesWithFractions() {
    verifier.verify(token(with(c -> {
      c.put("exp", NOW_SECONDS + 0.5);
      c.put("nbf", NOW_SECONDS - 0.5);
    })));
  }

  @Test
  void acceptsEitherKidWhileKeysRotate() {
    assertEquals("acme", verifier.verify(sign(header(KID), json(claims()), SECRET)).tenant());
    assertEquals("acme", verifier.verify(sign(header(NEW_KID), json(claims()), NEW_SECRET)).tenant());
  }

  @Test
  void aKidAddedToTheSourceIsHonouredWithoutANewVerifier() {
    String newToken = sign(header("k3"), json(claims()), "a-brand-new-secret-of-32-bytes-or-more");
    var current = new AtomicReference<>(TestJwts.keys());
    var rotating = new JwtVerifier(current::get, Clock.fixed(NOW, ZoneOffset.UTC));
    assertThrows(InvalidCredentialException.class, () -> rotating.verify(newToken));

    current.set(JwtKeys.fromJson("{\"k1\":\"" + SECRET + "\",\"k3\":\"a-brand-new-secret-of-32-bytes-or-more\"}", "test"));

    assertEquals("acme", rotating.verify(newToken).tenant());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidTokens")
  void rejects(String name, String token, String reason) {
    var e = assertThrows(InvalidCredentialException.class, () -> verifier.verify(token));

    assertTrue(e.getMessage().contains(reason), () -> "reason '" + e.getMessage() + "' lacks '" + reason + "'");
    assertFalse(e.getMessage().contains(SECRET) || e.getMessage().contains(NEW_SECRET), "leaks a key");
    assertFalse(token.length() > 10 && e.getMessage().contains(token), "quotes the token");
  }

  static Stream<Arguments> invalidTokens() {
    String valid = token(claims());
    String[] parts = valid.split("\\.");
    String payload = json(claims());
    return Stream.of(
        // Algorithms
        reject("alg none, unsigned", b64("{\"alg\":\"none\",\"kid\":\"k1\"}") + "." + b64(payload) + ".", "alg"),
        reject("alg none, signed anyway", sign("{\"alg\":\"none\",\"kid\":\"k1\"}", payload, SECRET), "alg"),
        reject("alg HS384", sign("{\"alg\":\"HS384\",\"kid\":\"k1\"}", payload, SECRET), "alg"),
        reject("alg HS512", sign("{\"alg\":\"HS512\",\"kid\":\"k1\"}", payload, SECRET), "alg"),
        reject("alg RS256", sign("{\"alg\":\"RS256\",\"kid\":\"k1\"}", payload, SECRET), "alg"),
        reject("alg hs256, wrong case", sign("{\"alg\":\"hs256\",\"kid\":\"k1\"}", payload, SECRET), "alg"),
        reject("alg missing", sign("{\"kid\":\"k1\"}", payload, SECRET), "alg"),
        reject("alg not a string", sign("{\"alg\":256,\"kid\":\"k1\"}", payload, SECRET), "alg"),
        reject("crit header", sign("{\"alg\":\"HS256\",\"kid\":\"k1\",\"crit\":[\"b64\"]}", payload, SECRET), "crit"),
        // Keys
        reject("kid missing", sign("{\"alg\":\"HS256\"}", payload, SECRET), "kid"),
        reject("kid blank", sign(header(" "), payload, SECRET), "kid"),
        reject("kid not a string", sign("{\"alg\":\"HS256\",\"kid\":1}", payload, SECRET), "kid"),
        reject("kid unknown", sign(header("k9"), payload, SECRET), "unknown kid"),
        // Structure
        reject("empty", "", "three"),
        reject("two parts", parts[0] + "." + parts[1], "three"),
        reject("four parts", valid + ".x", "three"),
        reject("header not base64url", "#$%." + parts[1] + "." + parts[2], "header is not base64url"),
        reject("header base64 with + and /", parts[0].replace('-', '+').replace('_', '/') + "+/." + parts[1] + "." + parts[2], "header"),
        reject("padded header", signPadded(header(KID), payload), "header is not canonical base64url"),
        reject("signature not base64url", parts[0] + "." + parts[1] + ".!!!", "signature is not base64url"),
        reject("header not JSON", sign("alg=HS256", payload, SECRET), "header is not valid JSON"),
        reject("header a JSON array", sign("[\"HS256\"]", payload, SECRET), "header is not a JSON object"),
        reject("header with a duplicate alg", sign("{\"alg\":\"HS256\",\"alg\":\"none\",\"kid\":\"k1\"}", payload, SECRET), "header is not valid JSON"),
        reject("header with trailing JSON", sign(header(KID) + "{}", payload, SECRET), "header is not valid JSON"),
        reject("payload not JSON", sign(header(KID), "tenant=acme", SECRET), "payload is not valid JSON"),
        reject("payload a JSON string", sign(header(KID), "\"acme\"", SECRET), "payload is not a JSON object"),
        reject("payload empty", sign(header(KID), "", SECRET), "payload is not a JSON object"),
        reject("payload with a duplicate tenant",
            sign(header(KID), payload.replace("\"tenant\":\"acme\"", "\"tenant\":\"acme\",\"tenant\":\"evil\""), SECRET),
            "payload is not valid JSON"),
        reject("payload not UTF-8", signBytes(new byte[] {'{', '"', 's', (byte) 0xC3, '"', ':', '1', '}'}), "payload is not UTF-8"),
        reject("longer than 8 KiB", "a".repeat(JwtVerifier.MAX_TOKEN_LENGTH + 1), "longer than"),
        reject("valid but longer than 8 KiB", token(with(c -> c.put("pad", "x".repeat(7000)))), "longer than"),
        // Signatures
        reject("tampered payload", parts[0] + "." + b64(payload.replace("acme", "evil")) + "." + parts[2], "bad signature"),
        reject("tampered signature", parts[0] + "." + parts[1] + "." + flipFirst(parts[2]), "bad signature"),
        reject("truncated signature", parts[0] + "." + parts[1] + "." + parts[2].substring(0, 40), "bad signature"),
        reject("empty signature", parts[0] + "." + parts[1] + ".", "bad signature"),
        reject("signed with another kid's key", sign(header(KID), payload, NEW_SECRET), "bad signature"),
        // Times
        reject("exp missing", token(with(c -> c.remove("exp"))), "exp missing"),
        reject("exp a string", token(with(c -> c.put("exp", String.valueOf(NOW_SECONDS + 3600)))), "exp is not a number"),
        reject("exp null", token(with(c -> c.put("exp", null))), "exp is not a number"),
        reject("exp out of range", sign(header(KID), payload.replace("\"exp\":" + (NOW_SECONDS + 3600), "\"exp\":1e300"), SECRET), "exp is out of range"),
        reject("expired by the leeway", token(with(c -> c.put("exp", NOW_SECONDS - 60))), "expired"),
        reject("expired long ago", token(with(c -> c.put("exp", NOW_SECONDS - 86400))), "expired"),
        reject("nbf beyond the leeway", token(with(c -> c.put("nbf", NOW_SECONDS + 61))), "nbf"),
        reject("nbf a string", token(with(c -> c.put("nbf", "soon"))), "nbf is not a number"),
        reject("iat beyond the leeway", token(with(c -> c.put("iat", NOW_SECONDS + 61))), "iat"),
        // Claims
        reject("tenant missing", token(with(c -> c.remove("tenant"))), "tenant"),
        reject("tenant blank", token(with(c -> c.put("tenant", "  "))), "tenant"),
        reject("tenant not a string", token(with(c -> c.put("tenant", 42))), "tenant"),
        reject("sub missing", token(with(c -> c.remove("sub"))), "sub"),
        reject("sub blank", token(with(c -> c.put("sub", ""))), "sub"),
        reject("scope an array", token(with(c -> c.put("scope", new String[] {"feedback:read"}))), "scope"),
        reject("email not an address", token(with(c -> c.put("email", "ana at example"))), "email"),
        reject("email empty", token(with(c -> c.put("email", ""))), "email"),
        reject("email not a string", token(with(c -> c.put("email", 7))), "email"));
  }

  private static Arguments reject(String name, String token, String reason) {
    return Arguments.of(name, token, reason);
  }

  private static Map<String, Object> with(Consumer<Map<String, Object>> change) {
    Map<String, Object> claims = claims();
    change.accept(claims);
    return claims;
  }

  private static String signBytes(byte[] payload) {
    String signingInput = b64(header(KID)) + "." + b64(payload);
    return signingInput + "." + b64(TestJwts.hmac(SECRET, signingInput));
  }

  /** Correctly signed, but the header keeps the base64 padding that JWTs leave out. */
  private static String signPadded(String header, String payload) {
    String paddedHeader = Base64.getUrlEncoder().encodeToString(header.getBytes(StandardCharsets.UTF_8));
    assertTrue(paddedHeader.endsWith("="), "the test header must need padding");
    String signingInput = paddedHeader + "." + b64(payload);
    return signingInput + "." + b64(TestJwts.hmac(SECRET, signingInput));
  }

  private static String flipFirst(String base64url) {
    return (base64url.charAt(0) == 'A' ? "B" : "A") + base64url.substring(1);
  }
}
