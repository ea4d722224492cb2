package dev.csat.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hand-made tokens for the tests: any header and payload text, signed with any secret, so that
 * each test can make exactly one thing wrong. Deliberately independent of the verifier's code.
 */
final class TestJwts {
  static final String KID = "k1";
  static final String SECRET = "test-secret-k1-0123456789abcdefghij";
  static final String NEW_KID = "k2";
  static final String NEW_SECRET = "test-secret-k2-klmnopqrstuvwxyz0123";
  static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  static final long NOW_SECONDS = NOW.getEpochSecond();

  private static final ObjectMapper JSON = new ObjectMapper();

  private TestJwts() {}

  static JwtKeys keys() {
    return JwtKeys.fromJson("{\"" + KID + "\":\"" + SECRET + "\",\"" + NEW_KID + "\":\"" + NEW_SECRET + "\"}", "test keys");
  }

  static JwtVerifier verifier() {
    return new JwtVerifier(JwtKeySource.of(keys()), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  static String header(String kid) {
    return "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}";
  }

  /** Valid claims of a service token, to change one at a time. */
  static Map<String, Object> claims() {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("sub", "svc-reporting");
    claims.put("tenant", "acme");
    claims.put("scope", "feedback:read interactions:write");
    claims.put("iat", NOW_SECONDS - 10);
    claims.put("exp", NOW_SECONDS + 3600);
    return claims;
  }

  static String json(Map<String, Object> map) {
    try {
      return JSON.writeValueAsString(map);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A valid token for these claims, signed with {@link #SECRET} under {@link #KID}. */
  static String token(Map<String, Object> claims) {
    return sign(header(KID), json(claims), SECRET);
  }

  static String sign(String header, String payload, String secret) {
    String signingInput = b64(header) + "." + b64(payload);
    return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(secret, signingInput));
  }

  static String b64(String text) {
    return b64(text.getBytes(StandardCharsets.UTF_8));
  }

  static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static byte[] hmac(String secret, String signingInput) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
