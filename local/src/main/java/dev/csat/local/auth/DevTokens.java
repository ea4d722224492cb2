package dev.csat.local.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csat.auth.JwtKeys;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints HS256 tokens for local use ({@code ./csat token}), in exactly the shape the authorizer's
 * {@code JwtVerifier} accepts: header {@code alg}, {@code typ}, {@code kid}; claims {@code sub},
 * {@code tenant}, {@code scope}, {@code iat}, {@code exp} and, for an end-user token, {@code email}.
 */
public final class DevTokens {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private DevTokens() {}

  /**
   * @param secret the kid's secret, at least {@link JwtKeys#MIN_SECRET_BYTES} bytes, as the verifier requires
   * @param email null for a service token; an end-user token may only act for this email
   */
  public static String mint(String kid, byte[] secret, String subject, String tenant, Set<String> scopes,
      String email, Duration ttl, Instant now) {
    if (secret.length < JwtKeys.MIN_SECRET_BYTES) {
      throw new IllegalArgumentException("a JWT secret needs at least " + JwtKeys.MIN_SECRET_BYTES + " bytes");
    }
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("the token lifetime must be positive");
    }
    ObjectNode header = JSON.createObjectNode().put("alg", "HS256").put("typ", "JWT").put("kid", kid);
    ObjectNode claims = JSON.createObjectNode()
        .put("sub", subject)
        .put("tenant", tenant)
        .put("scope", String.join(" ", new TreeSet<>(scopes)))
        .put("iat", now.getEpochSecond())
        .put("exp", now.plus(ttl).getEpochSecond());
    if (email != null) {
      claims.put("email", email);
    }
    String signingInput = encode(header) + "." + encode(claims);
    return signingInput + "." + BASE64URL.encodeToString(hmacSha256(secret, signingInput));
  }

  private static String encode(ObjectNode json) {
    return BASE64URL.encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] hmacSha256(byte[] secret, String signingInput) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
