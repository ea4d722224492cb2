package dev.csat.contract;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The repository's root folder: the one holding template.yaml, openapi.yaml and events/. */
final class RepoRoot {
  private RepoRoot() {}

  /**
   * Surefire passes {@code csat.repo.root}; an IDE running a single test may not, so we also walk
   * up from the working directory.
   */
  static Path get() {
    List<Path> starts = new ArrayList<>();
    String configured = System.getProperty("csat.repo.root");
    if (configured != null && !configured.isBlank()) {
      starts.add(Path.of(configured));
    }
    starts.add(Path.of(""));
    for (Path start : starts) {
      for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
        if (Files.isRegularFile(dir.resolve("template.yaml"))) {
          return dir;
        }
      }
    }
    throw new IllegalStateException("no folder holding template.yaml above " + starts);
  }
}
