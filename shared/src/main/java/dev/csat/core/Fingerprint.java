package dev.csat.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A SHA-256 digest of a request's content, to tell a true retry from a reused idempotency key. */
public final class Fingerprint {
  private Fingerprint() {}

  /** Parts are length-prefixed so ("ab", "c") and ("a", "bc") differ; null differs from "". */
  public static String of(String... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        String encoded = part == null ? "-" : part.length() + ":" + part;
        digest.update(encoded.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
