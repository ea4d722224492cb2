package dev.csat.feedback;

import dev.csat.core.ValidationException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns cursors into opaque strings and back. A cursor is signed (HMAC-SHA256, truncated to 128
 * bits) together with the fingerprint of its query, so an edited cursor, or one from another
 * query or tenant, is a 400 rather than a silently wrong page.
 */
public final class CursorCodec {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final int MAC_BYTES = 16;
  private static final int MAX_LENGTH = 1024;

  private final SecretKeySpec key;

  /** @param key at least 32 bytes, the same in every execution environment */
  public CursorCodec(byte[] key) {
    if (key.length < 32) {
      throw new IllegalArgumentException("a cursor key needs at least 32 bytes");
    }
    this.key = new SecretKeySpec(key, "HmacSHA256");
  }

  public String encode(Cursor cursor, String queryFingerprint) {
    return sign((cursor.before() ? "b" : "a") + "\n" + cursor.id() + "\n" + cursor.sortValue(), queryFingerprint);
  }

  /** The cursor in {@code text}, which must have been made for this query; 400 under {@code name} otherwise. */
  public Cursor decode(String text, String queryFingerprint, String name) {
    String[] parts = open(text, queryFingerprint, name).split("\n", 3);
    try {
      return new Cursor(parts[0].equals("b"), parts[2], UUID.fromString(parts[1]));
    } catch (RuntimeException e) {
      throw invalid(name); // signed by us, so only a bug or a leaked key gets here
    }
  }

  /**
   * Any place in a list as an opaque string: {@code value} signed together with the query's
   * fingerprint, for lists whose places are not a {@link Cursor} (a user list's last email).
   */
  public String sign(String value, String queryFingerprint) {
    byte[] payload = value.getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload, queryFingerprint));
  }

  /** The value {@link #sign} put in {@code text} for this query; 400 under {@code name} otherwise. */
  public String open(String text, String queryFingerprint, String name) {
    int dot = text.indexOf('.');
    if (text.length() > MAX_LENGTH || dot < 0) {
      throw invalid(name);
    }
    byte[] payload;
    byte[] mac;
    try {
      payload = DECODER.decode(text.substring(0, dot));
      mac = DECODER.decode(text.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      throw invalid(name);
    }
    if (!MessageDigest.isEqual(mac, mac(payload, queryFingerprint))) {
      throw invalid(name);
    }
    return new String(payload, StandardCharsets.UTF_8);
  }

  private static ValidationException invalid(String name) {
    return ValidationException.of(name, "is not a cursor of this query (use next or previous as returned)");
  }

  private byte[] mac(byte[] payload, String queryFingerprint) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(queryFingerprint.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return Arrays.copyOf(mac.doFinal(payload), MAC_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
