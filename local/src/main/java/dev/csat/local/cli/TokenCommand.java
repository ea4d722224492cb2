package dev.csat.local.cli;

import dev.csat.Config;
import dev.csat.auth.Scopes;
import dev.csat.core.Checks;
import dev.csat.local.auth.DevTokens;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./csat token --tenant T --scope "a b" [--email E] [--ttl 1h] [--subject S]}: mints a dev
 * JWT with the local key set ({@link DevJwtKeys}: the first kid of {@code CSAT_JWT_KEYS}, else
 * {@code .csat/jwt-keys.json}, created if missing) and prints only the token on stdout, so that
 * {@code TOKEN=$(./csat token ...)} works. Needs no database.
 */
final class TokenCommand {
  static final String USAGE =
      "./csat token --tenant T --scope \"SCOPE ...\" [--email E] [--ttl 1h|30m|3600s, at most 24h] [--subject S]";
  static final Duration DEFAULT_TTL = Duration.ofHours(1);
  static final Duration MAX_TTL = Duration.ofHours(24);
  static final String DEFAULT_SUBJECT = "local-dev";

  private static final Pattern TTL = Pattern.compile("(\\d{1,9})([smh]?)");
  private static final int MAX_TEXT = 256;

  private TokenCommand() {}

  /** The options of one command line, validated. */
  record Options(String tenant, Set<String> scopes, String email, Duration ttl, String subject) {}

  static int run(List<String> args, Path repoRoot, PrintStream out, PrintStream err) {
    return run(args, repoRoot, name -> Config.get(name, null), Clock.systemUTC(), out, err);
  }

  /** With the configuration and clock given (tests). */
  static int run(List<String> args, Path repoRoot, UnaryOperator<String> config, Clock clock,
      PrintStream out, PrintStream err) {
    if (args.contains("--help") || args.contains("-h")) {
      out.print(Commands.USAGE);
      return 0;
    }
    // Arguments first: a mistyped command line creates no key file.
    Options options = parse(args);
    DevJwtKeys.KeySet keys = DevJwtKeys.resolve(config, repoRoot, err);
    Instant now = clock.instant();
    String token = DevTokens.mint(keys.signingKid(), keys.signingSecret(), options.subject(), options.tenant(),
        options.scopes(), options.email(), options.ttl(), now);
    out.println(token);
    out.flush();
    err.println("[csat] token for tenant " + options.tenant() + " (" + String.join(" ", options.scopes()) + ")"
        + (options.email() == null ? "" : " acting as " + options.email())
        + ", valid until " + now.plus(options.ttl()).truncatedTo(ChronoUnit.SECONDS)
        + "; signed with kid " + keys.signingKid() + (keys.created() ? ", a dev key created now in " : " from ")
        + keys.origin());
    return 0;
  }

  /** Reads {@code --name value} and {@code --name=value}; throws {@link CliException} with a one-line reason. */
  static Options parse(List<String> args) {
    Map<String, String> given = new LinkedHashMap<>();
    StringBuilder scopes = new StringBuilder();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String name;
      String value;
      int equals = arg.indexOf('=');
      if (arg.startsWith("--") && equals > 0) {
        name = arg.substring(0, equals);
        value = arg.substring(equals + 1);
      } else {
        name = arg;
        if (!List.of("--tenant", "--scope", "--email", "--ttl", "--subject").contains(name)) {
          throw usage(arg.startsWith("-") ? "unknown option " + arg : "unexpected argument '" + arg + "'");
        }
        if (i + 1 >= args.size()) {
          throw usage(name + " needs a value");
        }
        value = args.get(++i);
      }
      switch (name) {
        case "--scope" -> scopes.append(' ').append(value);
        case "--tenant", "--email", "--ttl", "--subject" -> {
          if (given.putIfAbsent(name, value) != null) {
            throw usage(name + " is given twice");
          }
        }
        default -> throw usage("unknown option " + name);
      }
    }
    String tenant = given.get("--tenant");
    if (tenant == null) {
      throw usage("--tenant is required");
    }
    requirePlain("--tenant", tenant);
    if (given.containsKey("--subject")) {
      requirePlain("--subject", given.get("--subject"));
    }
    Set<String> scopeSet = scopes(scopes.toString());
    String email = email(given.get("--email"));
    Duration ttl = given.containsKey("--ttl") ? ttl(given.get("--ttl")) : DEFAULT_TTL;
    String subject = given.getOrDefault("--subject", email != null ? email : DEFAULT_SUBJECT);
    return new Options(tenant, scopeSet, email, ttl, subject);
  }

  private static Set<String> scopes(String text) {
    Set<String> scopes = new TreeSet<>();
    for (String scope : text.strip().split("[\\s,]+")) {
      if (scope.isEmpty()) {
        continue;
      }
      if (!Scopes.ALL.contains(scope)) {
        throw usage("unknown scope '" + scope + "'; the scopes are: " + String.join(" ", new TreeSet<>(Scopes.ALL)));
      }
      scopes.add(scope);
    }
    if (scopes.isEmpty()) {
      throw usage("--scope is required: one or more of " + String.join(" ", new TreeSet<>(Scopes.ALL)));
    }
    return scopes;
  }

  private static String email(String value) {
    if (value == null) {
      return null;
    }
    // The API's own rule, so the authorizer accepts the claim.
    String email = new Checks().email("email", value.strip());
    if (email == null) {
      throw usage("--email '" + value + "' is not an email address");
    }
    return email;
  }

  private static Duration ttl(String value) {
    Matcher ttl = TTL.matcher(value.strip());
    if (!ttl.matches()) {
      throw usage("--ttl must be a duration like 1h, 30m or 3600s, not '" + value + "'");
    }
    long amount = Long.parseLong(ttl.group(1));
    Duration duration = switch (ttl.group(2)) {
      case "h" -> Duration.ofHours(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofSeconds(amount);
    };
    if (duration.isZero()) {
      throw usage("--ttl must be positive");
    }
    if (duration.compareTo(MAX_TTL) > 0) {
      throw usage("--ttl must be at most 24h");
    }
    return duration;
  }

  /** An id such as a tenant: not blank, no whitespace or control characters, not too long. */
  private static void requirePlain(String name, String value) {
    if (value.isBlank() || value.length() > MAX_TEXT || value.codePoints().anyMatch(c -> Character.isWhitespace(c)
        || Character.isISOControl(c) || Character.isSpaceChar(c))) {
      throw usage(name + " must be 1-" + MAX_TEXT + " characters without spaces or control characters");
    }
  }

  private static CliException usage(String reason) {
    return new CliException("token: " + reason + " (usage: " + USAGE + ")");
  }
}
