package io.blastgate.importer;

import io.blastgate.importer.input.InputChoice;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Not a test: imports {@code args[0]} workloads of one repository (a bundle, each in its own folder
 * {@code services/svc-<i>}), then a CODEOWNERS file of as many rules (one per folder, owned by one of
 * 100 teams, after a catch-all), twice (the join, then the same again), and prints the phase times.
 * The figures are in importers/codeowners/README.md. Run with the test classpath: {@code java -Xmx2g
 * -cp … io.blastgate.importer.CodeownersBench 10000}.
 */
public final class CodeownersBench {
  private static final String REPO = "github.com/acme/monorepo";

  private CodeownersBench() {}

  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[0]);
    Path folder = Files.createTempDirectory("codeowners-bench-");
    try {
      Path bundle = folder.resolve("workloads.json");
      try (BufferedWriter out = Files.newBufferedWriter(bundle)) {
        out.write("{\"format\": \"blastgate.bundle/v1\", \"source\": \"bench-workloads\", \"workloads\": [\n");
        for (int i = 0; i < n; i++) {
          out.write((i == 0 ? "" : ",\n") + "{\"id\": \"wl:svc-" + i + "\", \"kind\": \"service\", \"repository\": \""
              + REPO + "\", \"repository_path\": \"services/svc-" + i + "\"}");
        }
        out.write("\n]}\n");
      }
      Path codeowners = folder.resolve("CODEOWNERS");
      try (BufferedWriter out = Files.newBufferedWriter(codeowners)) {
        out.write("* @acme/platform\n");
        for (int i = 0; i < n; i++) {
          out.write("/services/svc-" + i + "/ @acme/team-" + (i % 100) + "\n");
        }
      }
      System.out.printf("%d workloads, CODEOWNERS of %d lines (%.1f KiB)%n", n, n + 1, Files.size(codeowners) / 1024.0);
      ReaderBenchRun.importOnce(bundle, "workloads.json", InputChoice.DETECT, "workloads", n, "workloads");
      ReaderBenchRun.importTwice(codeowners, "CODEOWNERS",
          new InputChoice(Optional.of("codeowners"), Map.of("repository", REPO)), n + 1, "rules");
    } catch (RuntimeException | Error e) {
      e.printStackTrace();
    } finally {
      try (var files = Files.list(folder)) {
        for (Path p : files.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(folder);
    }
    System.exit(0);
  }
}
