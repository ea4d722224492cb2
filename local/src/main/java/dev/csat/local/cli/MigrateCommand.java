package dev.csat.local.cli;

import java.io.PrintStream;

/** {@code ./csat migrate}: applies pending schema migrations; prints the versions applied. */
final class MigrateCommand {
  private MigrateCommand() {}

  static int run(Settings settings, PrintStream out, PrintStream err) {
    try (LocalServices services = LocalServices.start(settings, "127.0.0.1", 0, true, err)) {
      services.applied().forEach(out::println);
      err.println(services.applied().isEmpty()
          ? "[csat] the schema is up to date"
          : "[csat] applied " + services.applied().size() + " migration(s)");
      return 0;
    }
  }
}
