package dev.csat.local.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.csat.auth.Caller;
import dev.csat.auth.InvalidCredentialException;
import dev.csat.auth.JwtKeySource;
import dev.csat.auth.JwtKeys;
import dev.csat.auth.JwtVerifier;
import dev.csat.auth.Scopes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code ./csat token}: the tokens it prints verify with the authorizer's own {@link JwtVerifier}
 * over the same key set, and a bad command line is exit status 1 with one line on stderr.
 * Each test gets its own repository directory and configuration: nothing touches the real
 * {@code .csat/} or the JVM's system properties.
 */
class TokenCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET_A = "a-test-secret-that-is-long-enough-for-hs256";
  private static final String SECRET_B = "another-test-secret-long-enough-for-hs256!!";
  // Two kids: the token is signed with the first in document order.
  private static final String KEYS = "{\"first\":\"" + SECRET_A + "\",\"second\":\"" + SECRET_B + "\"}";

  @TempDir
  Path repo;

  @Test
  void aServiceTokenVerifiesWithTheAuthorizersVerifierOverTheSameKeys() throws Exception {
    Run run = token(Map.of("CSAT_JWT_KEYS", KEYS),
        "--tenant", "acme", "--scope", "catalog:write config:read", "--scope", "keys:manage");
    assertEquals(0, run.status(), run.err());
    assertEquals(1, run.out().lines().count(), "stdout is the token alone");
    String token = run.out().strip();

    Caller caller = verifier(KEYS).verify(token);
    assertEquals("acme", caller.tenant());
    assertEquals(Set.of(Scopes.CATALOG_WRITE, Scopes.CONFIG_READ, Scopes.KEYS_MANAGE), caller.scopes());
    assertEquals(TokenCommand.DEFAULT_SUBJECT, caller.principal());
    assertNull(caller.email());
    assertEquals("first", part(token, 0).path("kid").asText());
    JsonNode claims = part(token, 1);
    assertEquals(3600, claims.path("exp").asLong() - claims.path("iat").asLong(), "the default lifetime is 1h");
    assertFalse(run.err().contains(SECRET_A), "no secret in the log");
    assertTrue(run.err().contains("tenant acme"), run.err());
  }

  @Test
  void anEndUserTokenCarriesTheEmailAndTheLifetimeAsked() throws Exception {
    Run run = token(Map.of("CSAT_JWT_KEYS", KEYS), "--tenant=acme", "--scope=interactions:write",
        "--email", "User@Example.com", "--ttl", "30m");
    assertEquals(0, run.status(), run.err());
    String token = run.out().strip();
    Caller caller = verifier(KEYS).verify(token);
    assertEquals("user@example.com", caller.email());
    assertEquals("user@example.com", caller.principal(), "the subject defaults to the email");
    JsonNode claims = part(token, 1);
    assertEquals(1800, claims.path("exp").asLong() - claims.path("iat").asLong());

    String withSubject = token(Map.of("CSAT_JWT_KEYS", KEYS), "--tenant", "t", "--scope", "config:read",
        "--subject", "svc-reporting", "--ttl", "24h").out().strip();
    assertEquals("svc-reporting", verifier(KEYS).verify(withSubject).principal());
    assertEquals(86_400, part(withSubject, 1).path("exp").asLong() - part(withSubject, 1).path("iat").asLong());
  }

  @Test
  void aTokenPastItsLifetimeNoLongerVerifies() throws Exception {
    Clock twoHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
    Run run = run(Map.of("CSAT_JWT_KEYS", KEYS), twoHoursAgo, "--tenant", "acme", "--scope", "config:read", "--ttl", "3600s");
    assertEquals(0, run.status(), run.err());
    var e = assertThrows(InvalidCredentialException.class, () -> verifier(KEYS).verify(run.out().strip()));
    assertEquals("token expired", e.getMessage());
  }

  @Test
  void withoutCsatJwtKeysADevKeySetIsCreatedOnceOwnerOnlyAndReused() throws Exception {
    Run first = token(Map.of(), "--tenant", "acme", "--scope", "config:read");
    assertEquals(0, first.status(), first.err());
    Path file = repo.resolve(".csat/jwt-keys.json");
    assertTrue(Files.isRegularFile(file));
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
    String json = Files.readString(file);
    JsonNode keys = JSON.readTree(json);
    assertEquals(1, keys.size());
    String kid = keys.fieldNames().next();
    assertTrue(kid.matches("dev-[0-9a-f]{12}"), kid);
    String secret = keys.path(kid).asText();
    assertTrue(secret.matches("[A-Za-z0-9_-]{43,}"), "43+ base64url characters");
    assertEquals(32, Base64.getUrlDecoder().decode(secret).length);
    assertTrue(first.err().contains("created now"), first.err());
    assertFalse(first.err().contains(secret), "no secret in the log");

    Run second = token(Map.of(), "--tenant", "acme", "--scope", "config:read");
    assertEquals(json, Files.readString(file), "the key set is reused, not replaced");
    assertFalse(second.err().contains("created now"), second.err());
    for (Run run : List.of(first, second)) {
      assertEquals("acme", verifier(json).verify(run.out().strip()).tenant());
      assertEquals(kid, part(run.out().strip(), 0).path("kid").asText());
    }
  }

  @Test
  void csatJwtKeysWinsOverTheDevFile() throws Exception {
    keyFile("{\"dev-file\":\"" + SECRET_B + "\"}", "rw-------");
    Run run = token(Map.of("CSAT_JWT_KEYS", KEYS), "--tenant", "acme", "--scope", "config:read");
    assertEquals("first", part(run.out().strip(), 0).path("kid").asText());
  }

  @Test
  void aKeyFileOthersMayReadIsUsedWithAWarning() throws Exception {
    String json = "{\"dev-file\":\"" + SECRET_B + "\"}";
    if (!keyFile(json, "rw-r--r--")) {
      return;
    }
    Run run = token(Map.of(), "--tenant", "acme", "--scope", "config:read");
    assertEquals(0, run.status(), run.err());
    assertEquals("acme", verifier(json).verify(run.out().strip()).tenant());
    assertTrue(run.err().contains("accessible to others (rw-r--r--); chmod 600"), run.err());
  }

  @Test
  void unusableKeysAreOneLineWithoutTheSecret() throws Exception {
    Run weak = token(Map.of("CSAT_JWT_KEYS", "{\"k\":\"short-secret\"}"), "--tenant", "acme", "--scope", "config:read");
    assertFailed(weak, "CSAT_JWT_KEYS");
    assertFalse(weak.err().contains("short-secret"), weak.err());

    keyFile("not json " + SECRET_A, "rw-------");
    Run broken = token(Map.of(), "--tenant", "acme", "--scope", "config:read");
    assertFailed(broken, "delete the file");
    assertFalse(broken.err().contains(SECRET_A), broken.err());

    Run arn = token(Map.of("CSAT_JWT_KEYS_SECRET_ARN", "arn:aws:secretsmanager:us-east-1:1:secret:x"),
        "--tenant", "acme", "--scope", "config:read");
    assertFailed(arn, "CSAT_JWT_KEYS_SECRET_ARN");
  }

  /** Through the CLI's dispatcher, as {@code ./csat token ...} runs: validation comes before any key is read. */
  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "''                                                  | --tenant is required",
      "--scope config:read                                 | --tenant is required",
      "--tenant acme                                       | --scope is required",
      "--tenant acme --scope ''                            | --scope is required",
      "--tenant acme --scope config:reed                   | unknown scope 'config:reed'",
      "--tenant acme --scope config:read --ttl 0           | --ttl must be positive",
      "--tenant acme --scope config:read --ttl 0m          | --ttl must be positive",
      "--tenant acme --scope config:read --ttl 25h         | --ttl must be at most 24h",
      "--tenant acme --scope config:read --ttl 86401s      | --ttl must be at most 24h",
      "--tenant acme --scope config:read --ttl 1d          | --ttl must be a duration",
      "--tenant acme --scope config:read --ttl -5m         | --ttl must be a duration",
      "--tenant acme --scope config:read --email nobody    | --email 'nobody' is not an email address",
      "--tenant acme --scope config:read --email a@b       | is not an email address",
      "--tenant acme --scope config:read --tenant other    | --tenant is given twice",
      "--tenant acme --scope config:read --role admin      | unknown option --role",
      "--tenant acme --scope config:read extra             | unexpected argument 'extra'",
      "--tenant acme --scope config:read --email           | --email needs a value",
      "--tenant 'two words' --scope config:read            | --tenant must be",
      "--tenant '' --scope config:read                     | --tenant must be",
  })
  void aBadCommandLineIsExitStatusOneAndOneLine(String arguments, String message) {
    List<String> args = new ArrayList<>(List.of("token"));
    args.addAll(split(arguments));
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    int status = Commands.run(args, print(out), print(err));
    Run run = new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    assertFailed(run, message);
    assertTrue(run.err().contains("usage: ./csat token --tenant T"), run.err());
  }

  @Test
  void theUsageTextDocumentsTheCommandItsLimitsAndEveryScope() {
    assertTrue(Commands.USAGE.contains("token --tenant T --scope"), Commands.USAGE);
    assertTrue(Commands.USAGE.contains("at most 24h"), Commands.USAGE);
    for (String scope : Scopes.ALL) {
      assertTrue(Commands.USAGE.contains(scope), scope);
    }
    assertTrue(TokenCommand.USAGE.contains("at most 24h"));
    var out = new ByteArrayOutputStream();
    assertEquals(0, Commands.run(List.of("token", "--help"), print(out), print(new ByteArrayOutputStream())));
    assertEquals(Commands.USAGE, out.toString(StandardCharsets.UTF_8));
  }

  private static void assertFailed(Run run, String message) {
    assertEquals(1, run.status(), run.err());
    assertEquals("", run.out(), "nothing on stdout");
    assertEquals(1, run.err().lines().count(), () -> "one line: " + run.err());
    assertTrue(run.err().startsWith("csat: "), run.err());
    assertTrue(run.err().contains(message), () -> "expected '" + message + "' in: " + run.err());
  }

  private record Run(int status, String out, String err) {}

  /** Writes .csat/jwt-keys.json; returns whether the permissions could be set (POSIX). */
  private boolean keyFile(String json, String permissions) throws Exception {
    Path file = repo.resolve(".csat/jwt-keys.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, json);
    if (!Files.getFileStore(file).supportsFileAttributeView("posix")) {
      return false;
    }
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
    return true;
  }

  private Run token(Map<String, String> config, String... args) {
    return run(config, Clock.systemUTC(), args);
  }

  /** TokenCommand with this test's configuration, wrapped as the CLI's dispatcher wraps failures. */
  private Run run(Map<String, String> config, Clock clock, String... args) {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    UnaryOperator<String> lookup = config::get;
    int status;
    try {
      status = TokenCommand.run(List.of(args), repo, lookup, clock, print(out), print(err));
    } catch (CliException e) {
      print(err).println("csat: " + e.getMessage());
      status = 1;
    }
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static JwtVerifier verifier(String keys) {
    return new JwtVerifier(JwtKeySource.of(JwtKeys.fromJson(keys, "test keys")), Clock.systemUTC());
  }

  private static JsonNode part(String token, int index) throws Exception {
    return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[index]));
  }

  /** Words, with '' for an empty argument and 'two words' for one with a space. */
  private static List<String> split(String arguments) {
    List<String> words = new ArrayList<>();
    var matcher = java.util.regex.Pattern.compile("'([^']*)'|(\\S+)").matcher(arguments);
    while (matcher.find()) {
      words.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
    }
    if (words.equals(List.of(""))) {
      return List.of();
    }
    return words;
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }
}
