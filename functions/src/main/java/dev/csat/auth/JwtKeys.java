package dev.csat.auth;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HS256 key set, kid to secret. Tokens name their key in the {@code kid} header, so rotation
 * is adding a kid: tokens signed with the old and the new key verify side by side until the old
 * kid is removed.
 */
public final class JwtKeys {
  /** RFC 7518 section 3.2: an HS256 key must be at least as long as the hash, 256 bits. */
  public static final int MIN_SECRET_BYTES = 32;

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private final Map<String, SecretKeySpec> keys;

  private JwtKeys(Map<String, SecretKeySpec> keys) {
    this.keys = keys;
  }

  /**
   * Reads {@code {"kid": "secret", ...}}; each secret is the UTF-8 bytes of its string. Refuses
   * anything else, a duplicate kid, or a secret shorter than {@link #MIN_SECRET_BYTES}.
   *
   * @param origin where the JSON comes from (a variable or secret name), for error messages,
   *     which never quote the JSON itself
   */
  public static JwtKeys fromJson(String json, String origin) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      // Not chained: Jackson's message quotes the input, and the input is the secrets.
      throw new IllegalArgumentException(origin + " is not valid JSON (or repeats a kid)");
    }
    if (root == null || !root.isObject() || root.isEmpty()) {
      throw new IllegalArgumentException(origin + " must be a JSON object of kid to secret, with at least one key");
    }
    Map<String, SecretKeySpec> keys = new HashMap<>();
    for (var entry : root.properties()) {
      String kid = entry.getKey();
      if (kid.isBlank()) {
        throw new IllegalArgumentException(origin + ": a kid must not be blank");
      }
      if (!entry.getValue().isTextual()) {
        throw new IllegalArgumentException(origin + ": the secret of kid '" + kid + "' must be a string");
      }
      byte[] secret = entry.getValue().textValue().getBytes(StandardCharsets.UTF_8);
      if (secret.length < MIN_SECRET_BYTES) {
        throw new IllegalArgumentException(origin + ": the secret of kid '" + kid + "' is " + secret.length
            + " bytes; HS256 needs at least " + MIN_SECRET_BYTES);
      }
      keys.put(kid, new SecretKeySpec(secret, "HmacSHA256"));
    }
    return new JwtKeys(Map.copyOf(keys));
  }

  /** The key a token's {@code kid} names; empty when the set has no such kid. */
  Optional<SecretKeySpec> key(String kid) {
    return Optional.ofNullable(keys.get(kid));
  }

  /** The kids in the set: safe to log, unlike the secrets. */
  public Set<String> kids() {
    return keys.keySet();
  }

  @Override
  public String toString() {
    return "JwtKeys" + kids();
  }
}
