package dev.csat.auth;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.csat.core.Checks;
import java.io.IOException;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies the service's JWTs and says who they speak for: HS256 only, the key named by the
 * {@code kid} header, claims {@code sub}, {@code tenant}, {@code exp} (required), {@code nbf},
 * {@code iat}, {@code scope} and {@code email}. Anything else is an {@link InvalidCredentialException}
 * whose message is the reason.
 *
 * <p>Rules beyond the specification's list, and why:
 * <ul>
 *   <li>The signature is checked before the payload is even decoded: claims of a forged token
 *       are never parsed.</li>
 *   <li>Base64url must be canonical (no padding, zero trailing bits) and JSON strict UTF-8 with no
 *       duplicate keys, so a token has one meaning: {@code {"tenant":"a","tenant":"b"}} is refused,
 *       not read as whichever value the parser keeps.</li>
 *   <li>A {@code crit} header is refused: it names extensions we would have to understand.</li>
 *   <li>Unknown scopes are dropped, not refused: an issuer may carry scopes meant for other
 *       services or for a newer release of this one, and a scope we do not know grants nothing.</li>
 *   <li>Times are whole seconds (fractions rounded down); the {@link #LEEWAY_SECONDS} of clock skew
 *       apply to all three: valid while {@code now < exp + leeway}, refused when
 *       {@code nbf > now + leeway} or {@code iat > now + leeway}.</li>
 * </ul>
 */
public final class JwtVerifier {
  /** Longer tokens are refused before any decoding: nothing legitimate comes close. */
  public static final int MAX_TOKEN_LENGTH = 8 * 1024;
  /** Tolerated clock skew between the token's issuer and us. */
  public static final long LEEWAY_SECONDS = 60;

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();
  private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();
  private static final Base64.Encoder CANONICAL_BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final JwtKeySource keys;
  private final Clock clock;

  public JwtVerifier(JwtKeySource keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  /** The caller the token speaks for (principal = {@code sub}); throws when it does not verify. */
  public Caller verify(String token) {
    if (token.length() > MAX_TOKEN_LENGTH) {
      throw invalid("token longer than " + MAX_TOKEN_LENGTH + " characters");
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      throw invalid("token is not three dot-separated parts");
    }
    SecretKeySpec key = keyFor(object(decode(parts[0], "header"), "header"));
    byte[] payload = decode(parts[1], "payload");
    byte[] signature = decode(parts[2], "signature");
    // Both parts are canonical base64url by now, so the signed text is plain ASCII.
    byte[] signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(hmac(key, signingInput), signature)) {
      throw invalid("bad signature");
    }
    JsonNode claims = object(payload, "payload");
    checkTimes(claims);
    return new Caller(requiredText(claims, "tenant"), requiredText(claims, "sub"), scopes(claims), email(claims));
  }

  private SecretKeySpec keyFor(JsonNode header) {
    // Exactly HS256, whatever the key: "none", other HMAC sizes and public-key algorithms are
    // refused up front, which closes the algorithm-confusion attacks.
    if (!"HS256".equals(header.path("alg").textValue())) {
      throw invalid("alg is not HS256");
    }
    if (header.has("crit")) {
      throw invalid("crit header not supported");
    }
    String kid = header.path("kid").textValue();
    if (kid == null || kid.isBlank()) {
      throw invalid("kid header missing or not a string");
    }
    return keys.current().key(kid).orElseThrow(() -> invalid("unknown kid"));
  }

  private void checkTimes(JsonNode claims) {
    long now = clock.instant().getEpochSecond();
    if (!claims.has("exp")) {
      throw invalid("exp missing");
    }
    // Written so that no sum can overflow, whatever number the token carries.
    if (now - LEEWAY_SECONDS >= epochSeconds(claims, "exp")) {
      throw invalid("token expired");
    }
    if (claims.has("nbf") && epochSeconds(claims, "nbf") > now + LEEWAY_SECONDS) {
      throw invalid("token not valid yet (nbf)");
    }
    if (claims.has("iat") && epochSeconds(claims, "iat") > now + LEEWAY_SECONDS) {
      throw invalid("token issued in the future (iat)");
    }
  }

  /** A NumericDate: any JSON number of seconds, rounded down. */
  private static long epochSeconds(JsonNode claims, String name) {
    JsonNode value = claims.get(name);
    if (!value.isNumber()) {
      throw invalid(name + " is not a number");
    }
    try {
      return value.decimalValue().setScale(0, RoundingMode.FLOOR).longValueExact();
    } catch (ArithmeticException e) {
      throw invalid(name + " is out of range");
    }
  }

  private static String requiredText(JsonNode claims, String name) {
    JsonNode value = claims.get(name);
    if (value == null || !value.isTextual() || value.textValue().isBlank()) {
      throw invalid(name + " missing or not a non-blank string");
    }
    return value.textValue();
  }

  /** A missing {@code scope} grants nothing; unknown scopes are dropped (see the class comment). */
  private static Set<String> scopes(JsonNode claims) {
    JsonNode value = claims.get("scope");
    if (value == null) {
      return Set.of();
    }
    if (!value.isTextual()) {
      throw invalid("scope is not a string");
    }
    return Arrays.stream(value.textValue().split(" "))
        .filter(Scopes.ALL::contains)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** An end-user token's email, normalised as the API normalises {@code user_email}, so they compare equal. */
  private static String email(JsonNode claims) {
    JsonNode value = claims.get("email");
    if (value == null) {
      return null;
    }
    String email = value.isTextual() ? new Checks().email("email", value.textValue()) : null;
    if (email == null) {
      throw invalid("email is not an email address");
    }
    return email;
  }

  private static byte[] decode(String part, String name) {
    byte[] bytes;
    try {
      bytes = BASE64URL.decode(part);
    } catch (IllegalArgumentException e) {
      throw invalid(name + " is not base64url");
    }
    if (!CANONICAL_BASE64URL.encodeToString(bytes).equals(part)) {
      throw invalid(name + " is not canonical base64url");
    }
    return bytes;
  }

  private static JsonNode object(byte[] utf8, String name) {
    JsonNode node;
    try {
      // Strict UTF-8 first: Jackson alone would guess UTF-16 or UTF-32 from the bytes.
      String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(utf8)).toString();
      node = JSON.readTree(text);
    } catch (CharacterCodingException e) {
      throw invalid(name + " is not UTF-8");
    } catch (IOException e) {
      throw invalid(name + " is not valid JSON (or repeats a key)");
    }
    if (node == null || !node.isObject()) {
      throw invalid(name + " is not a JSON object");
    }
    return node;
  }

  private static byte[] hmac(SecretKeySpec key, byte[] data) {
    try {
      // A Mac per call: instances are not thread-safe, and the local gateway is multi-threaded.
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static InvalidCredentialException invalid(String reason) {
    return new InvalidCredentialException(reason);
  }
}
