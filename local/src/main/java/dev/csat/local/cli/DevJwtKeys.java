package dev.csat.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.csat.Config;
import dev.csat.auth.JwtKeys;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The JWT key set of local runs, shared by {@code ./csat serve} (whose authorizer verifies with
 * it) and {@code ./csat token} (which signs with it): {@code CSAT_JWT_KEYS} when set, otherwise a
 * dev key set kept in {@code <repo>/.csat/jwt-keys.json}, created with one random key on first use
 * (owner-only, mode 600). Secrets never appear in messages: only kids and the file's path.
 */
final class DevJwtKeys {
  static final String VARIABLE = "CSAT_JWT_KEYS";
  static final String SECRET_ARN_VARIABLE = "CSAT_JWT_KEYS_SECRET_ARN";
  static final String FILE = ".csat/jwt-keys.json";
  /** Random bytes per generated secret: 256 bits, the HS256 minimum; 43 base64url characters. */
  static final int SECRET_BYTES = 32;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private DevJwtKeys() {}

  /**
   * A valid key set and the key tokens are signed with: the first kid of the JSON object.
   *
   * @param json the key set exactly as the authorizer reads it from {@code CSAT_JWT_KEYS}
   * @param origin where it came from, for messages ({@code CSAT_JWT_KEYS} or the file's path)
   * @param created whether the file was created by this call
   */
  record KeySet(String json, String signingKid, byte[] signingSecret, String origin, boolean fromFile, boolean created) {
    @Override
    public String toString() {
      return "KeySet[" + signingKid + " from " + origin + "]";
    }
  }

  /** The key set as configured by {@link Config} (a system property wins over the environment). */
  static KeySet resolve(Path repoRoot, PrintStream log) {
    return resolve(name -> Config.get(name, null), repoRoot, log);
  }

  /**
   * @param config configuration by name (null or blank: unset)
   * @throws CliException when the configured keys or the file are unusable
   */
  static KeySet resolve(UnaryOperator<String> config, Path repoRoot, PrintStream log) {
    if (isSet(config.apply(SECRET_ARN_VARIABLE))) {
      throw new CliException(SECRET_ARN_VARIABLE + " is set, but locally the JWT keys come from " + VARIABLE
          + " or " + FILE + ": unset " + SECRET_ARN_VARIABLE);
    }
    String configured = config.apply(VARIABLE);
    if (isSet(configured)) {
      return parse(configured, VARIABLE, false, false);
    }
    Path file = repoRoot.resolve(FILE);
    boolean created = false;
    String json;
    try {
      json = read(file);
      if (json == null) {
        created = create(file);
        json = read(file);
      }
      if (json == null) {
        throw new CliException("cannot create the dev JWT key file " + file);
      }
    } catch (IOException e) {
      throw new CliException("cannot read or create the dev JWT key file " + file + ": " + e.getMessage(), e);
    }
    warnIfShared(file, log);
    return parse(json, file.toString(), true, created);
  }

  /**
   * Makes the key set the one the in-process authorizer reads: sets the system property
   * {@code CSAT_JWT_KEYS} when the keys come from the file (a variable already set is read as is).
   * Call before any handler is created.
   */
  static KeySet configureAuthorizer(Path repoRoot, PrintStream log) {
    KeySet keys = resolve(repoRoot, log);
    if (keys.fromFile()) {
      System.setProperty(VARIABLE, keys.json());
    }
    return keys;
  }

  /** What a log line may say about the keys: kids and origin, never secrets. */
  static String describe(KeySet keys) {
    String kids = String.join(", ", kids(keys.json()));
    if (keys.created()) {
      return "created a dev key (kid " + keys.signingKid() + ") in " + keys.origin();
    }
    return "kid" + (kids.contains(",") ? "s " : " ") + kids + " from " + keys.origin();
  }

  private static KeySet parse(String json, String origin, boolean fromFile, boolean created) {
    try {
      // The authorizer's own rules (object of kid to string secret, 32 bytes at least); its
      // messages never quote the secrets.
      JwtKeys.fromJson(json, origin);
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage() + (fromFile ? " (delete the file to get a new dev key)" : ""), e);
    }
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new CliException(origin + " is not valid JSON", null);
    }
    // The first kid in document order signs: JwtKeys keeps no order.
    var first = root.properties().iterator().next();
    return new KeySet(json, first.getKey(), first.getValue().textValue().getBytes(StandardCharsets.UTF_8),
        origin, fromFile, created);
  }

  private static List<String> kids(String json) {
    try {
      List<String> kids = new ArrayList<>();
      JSON.readTree(json).fieldNames().forEachRemaining(kids::add);
      return kids;
    } catch (IOException e) {
      return List.of();
    }
  }

  /** The file's text, or null when there is no such file. */
  private static String read(Path file) throws IOException {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  /**
   * Writes a new key set to a private temporary file, then links it into place: the link fails
   * if the file exists, so two commands starting at once agree on one key set (the loser reads
   * the winner's). Returns whether this call created the file.
   */
  private static boolean create(Path file) throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    Path temporary = posix(directory)
        ? Files.createTempFile(directory, ".jwt-keys", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
        : Files.createTempFile(directory, ".jwt-keys", ".tmp");
    try {
      Files.writeString(temporary, newKeySet(), StandardCharsets.UTF_8);
      try {
        Files.createLink(file, temporary);
      } catch (FileAlreadyExistsException e) {
        return false;
      } catch (UnsupportedOperationException | FileSystemException e) {
        if (Files.exists(file)) {
          return false;
        }
        // No hard links here: a plain move, which may replace a file created a moment ago.
        Files.move(temporary, file);
      }
      return true;
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** {@code {"dev-<12 hex>":"<43 base64url characters of 32 random bytes>"}}. */
  static String newKeySet() {
    byte[] id = new byte[6];
    byte[] secret = new byte[SECRET_BYTES];
    RANDOM.nextBytes(id);
    RANDOM.nextBytes(secret);
    var root = JSON.createObjectNode()
        .put("dev-" + HexFormat.of().formatHex(id), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    return root.toString() + "\n";
  }

  /** Like ssh with a private key: says so when others may read the file, and goes on. */
  private static void warnIfShared(Path file, PrintStream log) {
    try {
      if (posix(file)) {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        Set<PosixFilePermission> shared = new HashSet<>(permissions);
        shared.removeAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_EXECUTE));
        if (!shared.isEmpty()) {
          log.println("[csat] warning: " + file + " is accessible to others (" + PosixFilePermissions.toString(permissions)
              + "); chmod 600 it");
        }
      }
    } catch (IOException | UnsupportedOperationException e) {
      // Not being able to check is no reason to stop.
    }
  }

  private static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }
}
