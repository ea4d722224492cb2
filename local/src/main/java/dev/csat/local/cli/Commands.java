package dev.csat.local.cli;

import dev.csat.local.gateway.FunctionInstances.FunctionLoadException;
import dev.csat.local.gateway.TemplateException;
import java.io.PrintStream;
import java.util.List;

/** Dispatches the CLI's commands and turns failures into one line on stderr and an exit status. */
public final class Commands {
  static final String USAGE = """
      Usage: ./csat COMMAND

      Runs the CSAT service locally: embedded PostgreSQL (or CSAT_DB_URL), a local RDS Data API
      endpoint and the functions of template.yaml. Results go to stdout, logs to stderr.

      Commands:
        serve                        the API on http://127.0.0.1:${CSAT_PORT:-3000}/api/csat/v1
                                     (Data API on ${CSAT_DATA_API_HOST:-127.0.0.1}:${CSAT_DATA_API_PORT:-3001}), until Ctrl-C;
                                     every request goes through the template's AuthorizerFunction
        token --tenant T --scope "SCOPE ..." [--email E] [--ttl 1h] [--subject S]
                                     prints a dev JWT for the local authorizer, e.g.
                                     TOKEN=$(./csat token --tenant acme --scope "catalog:write config:read")
                                     curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:3000/api/csat/v1/products
                                     --ttl: 1h, 30m or 3600s; positive, at most 24h (default 1h)
                                     --email: an end-user token, which acts only for that email
                                     --subject: the token's sub (default: the email, else local-dev)
                                     scopes: interactions:write feedback:read feedback:write
                                     feedback:comment analytics:read catalog:write surveys:write
                                     config:read config:write webhooks:manage keys:manage data:erase
        invoke FUNCTION EVENT_FILE   one invocation, like sam local invoke; prints the response
                                     e.g. ./csat invoke ListProductsFunction events/list-products.json
        migrate                      applies pending schema migrations; prints the versions applied
        help                         this text

      JWT keys (serve and token): CSAT_JWT_KEYS ({"kid":"secret of 32+ bytes"}; token signs with
      the first kid), else a dev key set in .csat/jwt-keys.json, created on first use.
      Environment: CSAT_PORT, CSAT_DATA_API_HOST, CSAT_DATA_API_PORT, CSAT_DATA_DIR (default
      .csat/pgdata), CSAT_DB_URL (jdbc:postgresql://... of an external server), CSAT_JWT_KEYS.
      See docs/local.md.
      """;

  private Commands() {}

  /** Runs one command line; returns the process exit status. */
  public static int run(List<String> args, PrintStream out, PrintStream err) {
    String command = args.isEmpty() ? "help" : args.getFirst();
    List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
    try {
      return switch (command) {
        case "serve" -> ServeCommand.run(Settings.fromEnvironment(), out, err);
        case "invoke" -> InvokeCommand.run(rest, Settings.fromEnvironment(), out, err);
        case "migrate" -> MigrateCommand.run(Settings.fromEnvironment(), out, err);
        case "token" -> TokenCommand.run(rest, Settings.repoRootFromEnvironment(), out, err);
        case "help", "-h", "--help" -> {
          out.print(USAGE);
          yield 0;
        }
        default -> {
          err.println("csat: unknown command '" + command + "'");
          err.print(USAGE);
          yield 2;
        }
      };
    } catch (CliException | TemplateException | FunctionLoadException e) {
      err.println("csat: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 130;
    } catch (Exception | Error e) {
      err.println("csat: unexpected failure: " + e);
      e.printStackTrace(err);
      return 1;
    }
  }
}
