package io.blastgate.cli;

import io.blastgate.app.Blastgate;
import io.blastgate.auth.GeneratedToken;
import io.blastgate.auth.Role;
import io.blastgate.auth.TokenStore;
import io.blastgate.config.AppConfig;
import io.blastgate.config.PrivateFiles;
import io.blastgate.error.BlastgateException.InvalidInput;
import io.blastgate.importer.ImportReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the demo organisation on a fresh embedded database, with one token per role.",
      "It loads an organisation (--org: acme, the default, from fixtures/demo/acme-org.json; real-formats, "
          + "Northwind, from Kubernetes, Backstage, AWS IAM and CODEOWNERS files in fixtures/real-formats/), "
          + "creates one token per role, prints them and how to use them, and serves the API until Ctrl-C. "
          + "The demo folder is wiped at every start."
    })
final class DemoCommand implements Callable<Integer> {
  static final String DEMO_BUNDLE = DemoOrganisation.ACME_BUNDLE;
  private static final String MARKER = ".blastgate-demo";

  @Option(names = "--data-dir", defaultValue = "data/demo", description = "the demo's own folder (default ${DEFAULT-VALUE})")
  Path dataDir;

  @Option(names = "--port", description = "HTTP port (default BLASTGATE_HTTP_PORT or 8080; 0 picks a free one)")
  Integer port;

  @Option(names = "--org", defaultValue = "acme", paramLabel = "NAME",
      description = "the organisation to load: acme (default) or real-formats")
  String org;

  @Option(names = "--no-serve", description = "load and print, then stop (for scripts and smoke tests)")
  boolean noServe;

  @Override
  public Integer call() throws Exception {
    DemoOrganisation organisation = DemoOrganisation.fromWireName(org).orElseThrow(() -> new InvalidInput(
        "unknown organisation '" + org + "': the demo has " + DemoOrganisation.wireNames()));
    Map<String, String> env = Environment.withDataDir(dataDir);
    if (env.containsKey("BLASTGATE_NEO4J_URI")) {
      throw new InvalidInput(
          "the demo runs on a fresh embedded database: unset BLASTGATE_NEO4J_URI");
    }
    if (port != null) {
      env.put("BLASTGATE_HTTP_PORT", port.toString());
    }
    // The demo's own tokens, made below, are the ones its server accepts.
    env.put("BLASTGATE_TOKENS_FILE", dataDir.resolve("tokens.yaml").toString());
    AppConfig config = AppConfig.fromEnvironment(env);
    if (!noServe) {
      Blastgate.refuseATakenPort(config);
    }
    freshFolder(dataDir);

    Blastgate program = Blastgate.open(config);
    List<ImportReport> reports;
    List<Issued> tokens;
    try {
      reports = organisation.load(program.services().importer());
      tokens = issueTokens(organisation, config.tokensFile().orElseThrow());
    } catch (IOException | RuntimeException e) {
      program.close();
      throw e;
    }
    if (noServe) {
      printWelcome(organisation, reports, tokens, null);
      program.close();
      return 0;
    }
    Blastgate.Server server = program.serve(Main.Version.get()); // closes the program if it fails
    printWelcome(organisation, reports, tokens, "http://" + config.httpHost() + ":" + server.port());
    ServeCommand.blockUntilShutdown(server);
    return 0;
  }

  /** Wipes the demo folder, but only one this command made: never a folder it does not know. */
  private static void freshFolder(Path dir) throws IOException {
    if (Files.exists(dir)) {
      boolean ours = Files.exists(dir.resolve(MARKER));
      boolean empty;
      try (Stream<Path> entries = Files.list(dir)) {
        empty = entries.findAny().isEmpty();
      }
      if (!ours && !empty) {
        throw new InvalidInput(
            dir + " exists and is not a demo folder: the demo wipes its folder, choose another with --data-dir");
      }
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    PrivateFiles.privateFolder(dir); // the service's own, as the program makes every data folder
    Files.writeString(dir.resolve(MARKER), "made by `blastgate demo`, which wipes this folder at every start\n");
  }

  /** Loads the Acme organisation (the benchmark's, too). */
  static ImportReport loadDemo(Blastgate program) throws IOException {
    return DemoOrganisation.ACME.load(program.services().importer()).get(0);
  }

  /** A token issued for the demo, with the shell variable the banner exports it as. */
  record Issued(String name, String principal, Role role, String token, String variable) {}

  private static List<Issued> issueTokens(DemoOrganisation organisation, Path file) {
    List<Issued> issued = new ArrayList<>();
    List<io.blastgate.auth.TokenEntry> entries = new ArrayList<>();
    // Least privilege even in a demo: one token per role, each for a person of the demo organisation;
    // two approvers, of the payments and the web teams, so that a critical request can get its quorum.
    for (String[] p : organisation.people()) {
      Role role = Role.fromWireName(p[0]).orElseThrow();
      String name = "demo-" + p[2].toLowerCase(Locale.ROOT).replace('_', '-');
      GeneratedToken t = TokenStore.generate(name, p[1], EnumSet.of(role));
      entries.add(t.entry());
      issued.add(new Issued(name, p[1], role, t.token(), p[2]));
    }
    TokenStore.write(file, entries);
    return issued;
  }

  /** The banner; {@code base} is where the API is served, or null when it is not (--no-serve). */
  private static void printWelcome(DemoOrganisation organisation, List<ImportReport> reports, List<Issued> tokens,
      String base) {
    var out = System.out;
    if (reports.size() == 1) {
      var c = reports.get(0).counts();
      out.printf("%nblastgate demo: %s is loaded (%d identities, %d credentials, %d workloads, %d owners,"
          + " %d relationships).%n%n", organisation.description(), c.identities(), c.credentials(), c.workloads(),
          c.owners(), c.relationships());
    } else {
      out.printf("%nblastgate demo: %s is loaded, one source per file format:%n", organisation.description());
      for (ImportReport r : reports) {
        var c = r.counts();
        out.printf("  %-26s %-11s %d identities, %d credentials, %d workloads, %d owners, %d relationships%n",
            r.source(), r.format(), c.identities(), c.credentials(), c.workloads(), c.owners(), c.relationships());
      }
      out.println();
    }
    out.println("Tokens (this once; their hashes are in the demo folder's tokens.yaml):");
    for (Issued t : tokens) {
      out.printf("  %-10s %-20s %s%n", t.role().wireName(), t.principal(), t.token());
    }
    if (base == null) {
      out.printf("%nNothing is served (--no-serve): run the demo without it to try the API.%n%n");
      return;
    }
    out.printf("%nIn another terminal, set one variable per role, then try:%n");
    for (Issued t : tokens) {
      out.printf("  export %s=%s%n", t.variable(), t.token());
    }
    out.printf("  curl -s %s/api/v1/health%n", base);
    for (String example : organisation.examples()) {
      out.printf("  curl -s -H \"Authorization: Bearer $VIEWER\" '%s/api/v1/%s'%n", base, example);
    }
    out.printf("The contract: %s/api/v1/openapi.yaml%n%n", base);
  }
}
