package dev.csat.apikeys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The secret of an API key as its holder presents it: {@code csk_<id as 32 hex digits>_<secret>},
 * the secret being 32 random bytes in unpadded base64url (43 characters). The id finds the stored
 * key in one indexed lookup; only the SHA-256 of the secret is ever stored. {@link #toString()}
 * never shows the secret, so a key that ends up in a log message stays useless.
 */
public final class ApiKeySecret {
  public static final String PREFIX = "csk_";
  private static final int SECRET_BYTES = 32;
  private static final int SECRET_LENGTH = 43;
  private static final int TOKEN_LENGTH = PREFIX.length() + 32 + 1 + SECRET_LENGTH;
  // Lower-case hex only and a canonical base64url tail: one spelling per key, nothing to normalise.
  private static final Pattern TOKEN = Pattern.compile("csk_([0-9a-f]{32})_([A-Za-z0-9_-]{43})");
  private static final Pattern STORED_HASH = Pattern.compile("[0-9a-f]{64}");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private static final HexFormat HEX = HexFormat.of();

  private final UUID id;
  private final String secret;

  private ApiKeySecret(UUID id, String secret) {
    this.id = id;
    this.secret = secret;
  }

  /** A new secret for the key with this id. */
  public static ApiKeySecret generate(UUID id) {
    byte[] bytes = new byte[SECRET_BYTES];
    RANDOM.nextBytes(bytes);
    return new ApiKeySecret(id, BASE64URL.encodeToString(bytes));
  }

  /** The key presented by a caller; empty for anything not exactly in the {@code csk_} format. */
  public static Optional<ApiKeySecret> parse(String presented) {
    if (presented == null || presented.length() != TOKEN_LENGTH) {
      return Optional.empty();
    }
    var matcher = TOKEN.matcher(presented);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    String hex = matcher.group(1);
    UUID id = new UUID(Long.parseUnsignedLong(hex, 0, 16, 16), Long.parseUnsignedLong(hex, 16, 32, 16));
    String secret = matcher.group(2);
    // 43 characters carry 258 bits: only the encoding of 32 bytes (last 2 bits zero) is accepted.
    byte[] decoded = Base64.getUrlDecoder().decode(secret);
    if (decoded.length != SECRET_BYTES || !BASE64URL.encodeToString(decoded).equals(secret)) {
      return Optional.empty();
    }
    if (id.version() != 7 || id.variant() != 2) {
      return Optional.empty();
    }
    return Optional.of(new ApiKeySecret(id, secret));
  }

  public UUID id() {
    return id;
  }

  /** The whole key, shown to its creator once. */
  public String token() {
    return PREFIX + id.toString().replace("-", "") + "_" + secret;
  }

  /** SHA-256 of the secret part: what is stored, and what a presented key is compared with. */
  public byte[] hash() {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** {@link #hash()} as lower-case hex, the stored form. */
  public String hashHex() {
    return HEX.formatHex(hash());
  }

  /** True when this secret hashes to {@code storedHashHex}; compared in constant time. */
  public boolean matches(String storedHashHex) {
    if (storedHashHex == null || !STORED_HASH.matcher(storedHashHex).matches()) {
      return false;
    }
    return MessageDigest.isEqual(hash(), HEX.parseHex(storedHashHex));
  }

  @Override
  public String toString() {
    return PREFIX + id.toString().replace("-", "") + "_***";
  }
}
