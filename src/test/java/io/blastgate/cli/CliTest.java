package io.blastgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.blastgate.app.Blastgate;
import io.blastgate.auth.GeneratedToken;
import io.blastgate.auth.Role;
import io.blastgate.auth.TokenStore;
import io.blastgate.config.AppConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands as a person runs them, on a real embedded database in a temporary folder. */
class CliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Run(int exit, String out, String err) {}

  static synchronized Run run(String... args) {
    PrintStream stdout = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      var cli = Main.commandLine();
      cli.setErr(new PrintWriter(err, true));
      int exit = cli.execute(args);
      return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(stdout);
    }
  }

  @Test
  void aTokenNamesItsRolesInLowerCaseAndAnUnknownRoleListsEveryRole(@TempDir Path dir) {
    Path file = dir.resolve("tokens.yaml");
    Run refused = run("token", "create", "--name", "x", "--principal", "person:x", "--roles", "viewer,god", "--file", file.toString());
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err().strip())
        .isEqualTo("blastgate: unknown role 'god': the roles are viewer, importer, responder, approver, auditor, admin");
    assertThat(file).doesNotExist();

    Run made = run("token", "create", "--name", "x", "--principal", "person:x", "--roles", "responder,viewer", "--file", file.toString());
    assertThat(made.exit()).as(made.err()).isZero();
    assertThat(made.err()).contains("for person:x with roles viewer, responder to ");
  }

  @Test
  void aDemoOnAPortInUseIsOneLineAndExitsThreeBeforeLoadingAnything(@TempDir Path dir) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Path data = dir.resolve("demo");
      Run r = run("demo", "--data-dir", data.toString(), "--port", Integer.toString(taken.getLocalPort()));
      assertThat(r.exit()).isEqualTo(3);
      assertThat(r.err().strip())
          .isEqualTo("blastgate: the configuration is not valid: BLASTGATE_HTTP_PORT: port " + taken.getLocalPort()
              + " on 127.0.0.1 is in use by another process; stop it or choose another port");
      assertThat(data).doesNotExist();
    }
  }

  /** A responder at a terminal asks the running server: the same table, the same exit codes. */
  @Test
  void blastRadiusThroughARunningServerPrintsTheSameTableAndTheSameErrors(@TempDir Path dir) throws Exception {
    Path tokens = dir.resolve("tokens.yaml");
    GeneratedToken viewer = TokenStore.generate("viewer", "person:ana", Set.of(Role.VIEWER));
    GeneratedToken importer = TokenStore.generate("importer", "person:diego", Set.of(Role.IMPORTER));
    TokenStore.append(tokens, viewer.entry());
    TokenStore.append(tokens, importer.entry());
    Map<String, String> env =
        Map.of(
            "BLASTGATE_DATA_DIR", dir.resolve("data").toString(),
            "BLASTGATE_NEO4J_PAGECACHE", "16m",
            "BLASTGATE_HTTP_PORT", "0",
            "BLASTGATE_TOKENS_FILE", tokens.toString());
    try (Blastgate.Server server = Blastgate.serve(AppConfig.forServer(env), "test")) {
      String url = "http://127.0.0.1:" + server.port();
      // Loaded through the same program the server runs on, before asking it.
      Run offline = run("blast-radius", "--server", url, "--token", viewer.token(), "cred:stripe-key");
      assertThat(offline.exit()).isEqualTo(2);
      assertThat(offline.err().strip()).isEqualTo("blastgate: no entity with id 'cred:stripe-key' in the graph");

      Run imported = run("import", "--server", url, "--token", importer.token(), "fixtures/scenarios/worked-example/bundle.json");
      assertThat(imported.exit()).as(imported.err()).isZero();
      assertThat(imported.out()).contains("as source scenario-worked-example").contains("4 workloads");
      Run invalid = run("import", "--server", url, "--token", importer.token(), "fixtures/invalid/dangling-reference.json");
      assertThat(invalid.exit()).isEqualTo(2);
      assertThat(invalid.out())
          .startsWith("Nothing was imported: 1 error")
          .contains("/workloads/1/uses/0: 'cred:does-not-exist' exists nowhere");
      Run csv = run("import", "--server", url, "--token", importer.token(), "--json", "fixtures/csv/worked-example");
      assertThat(csv.exit()).as(csv.err()).isZero();
      assertThat(JSON.readTree(csv.out()).at("/counts/workloads").asInt()).isEqualTo(4);
      // Kubernetes manifests through the server: recognised from the content, the cluster an option.
      Run manifests = run("import", "--server", url, "--token", importer.token(), "--cluster", "prod",
          "importers/kubernetes/samples/GoogleCloudPlatform__microservices-demo/release/kubernetes-manifests.yaml");
      assertThat(manifests.exit()).as(manifests.err()).isZero();
      assertThat(manifests.out()).contains("Imported kubernetes as source kubernetes-manifests").contains("12 workloads")
          .contains("warning input: not mapped: 12 Service");
      // A CODEOWNERS file through the server: sent as text, its source its repository's, as offline.
      Run owners = run("import", "--server", url, "--token", importer.token(), "--option",
          "repository=github.com/prometheus/prometheus", "importers/codeowners/samples/prometheus__prometheus/CODEOWNERS");
      assertThat(owners.exit()).as(owners.err()).isZero();
      assertThat(owners.out()).contains("Imported codeowners as source codeowners:github.com:prometheus:prometheus")
          .contains("28 owners");
      Run account = run("blast-radius", "--server", url, "--token", viewer.token(), "--json",
          "k8s:prod/default/serviceaccount/cartservice");
      assertThat(JSON.readTree(account.out()).at("/impacted/0/id").asText())
          .isEqualTo("k8s:prod/default/deployment/cartservice");

      Run table = run("blast-radius", "--server", url + "/", "--token", viewer.token(), "cred:stripe-key");
      assertThat(table.exit()).as(table.err()).isZero();
      assertThat(table.out())
          .contains("4 workloads impacted (2 direct), deepest 2 hops")
          .contains("Teams: team:payments, team:web")
          .containsPattern("2\\s+wl:reports\\s+reports\\s+job\\s+low\\s+dev\\s+-\\s+UNOWNED\\s+"
            + "cred:stripe-key <-USES- wl:checkout <-DEPENDS_ON- wl:storefront <-DEPENDS_ON- wl:reports")
        .contains("Shared secret cred:stripe-key \"Stripe API key\": 2 consumers")
        .doesNotContain("truncated");

      // Direct impact only: the workloads that use the key, and an honest word that more lies beyond.
      Run direct = run("blast-radius", "--server", url, "--token", viewer.token(), "--direct", "cred:stripe-key");
      assertThat(direct.exit()).as(direct.err()).isZero();
      assertThat(direct.out())
          .contains("(api_token, \"Stripe API key\"), at most 0 hops")
          .contains("WARNING: truncated at 0 hops")
          .contains("2 workloads impacted (2 direct), deepest 0 hops")
          .containsPattern("0\\s+wl:checkout\\s+checkout\\s+.*cred:stripe-key <-USES- wl:checkout")
          .doesNotContain("wl:storefront");
      Run json = run("blast-radius", "--server", url, "--token", viewer.token(), "--json", "id:stripe-sa");
      assertThat(JSON.readTree(json.out()).at("/summary/total").asInt()).isEqualTo(4);

      Run search = run("search", "--server", url, "--token", viewer.token(), "stripe");
      assertThat(search.exit()).as(search.err()).isZero();
      assertThat(search.out()).containsPattern("cred:stripe-key\\s+Credential\\s+api_token");
      Run show = run("show", "--server", url, "--token", viewer.token(), "wl:checkout");
      assertThat(show.exit()).as(show.err()).isZero();
      assertThat(show.out()).contains("Owners: team:payments").containsPattern("-USES->\\s+cred:stripe-key");
      Run missing = run("show", "--server", url, "--token", viewer.token(), "wl:nope");
      assertThat(missing.exit()).isEqualTo(2);
      assertThat(missing.err().strip()).isEqualTo("blastgate: no entity with id 'wl:nope' in the graph");

      Run forbidden = run("blast-radius", "--server", url, "--token", importer.token(), "cred:stripe-key");
      assertThat(forbidden.exit()).isEqualTo(4);
      assertThat(forbidden.err().strip()).isEqualTo("blastgate: this operation requires the role 'viewer'");
      Run refused = run("blast-radius", "--server", url, "--token", "not-a-token", "cred:stripe-key");
      assertThat(refused.exit()).isEqualTo(4);
      assertThat(refused.err()).doesNotContain("not-a-token");
      Run both = run("blast-radius", "--server", url, "--token", viewer.token(), "--data-dir", dir.toString(), "x");
      assertThat(both.exit()).isEqualTo(2);
    }
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = closed.getLocalPort();
      closed.close();
      Run down = run("blast-radius", "--server", "http://127.0.0.1:" + port, "--token", "t", "cred:x");
      assertThat(down.exit()).isEqualTo(3);
      assertThat(down.err()).startsWith("blastgate: cannot reach blastgate at http://127.0.0.1:" + port);
    }
  }

  @Test
  void searchAndShowFindAnEntityItsOwnersAndItsNeighbours(@TempDir Path dir) throws Exception {
    String data = dir.resolve("data").toString();
    assertThat(run("import", "--data-dir", data, "fixtures/scenarios/worked-example/bundle.json").exit()).isZero();

    Run search = run("search", "--data-dir", data, "stripe");
    assertThat(search.exit()).as(search.err()).isZero();
    assertThat(search.out()).containsPattern("cred:stripe-key\\s+Credential\\s+api_token");

    Run none = run("search", "--data-dir", data, "--label", "Owner", "stripe");
    assertThat(none.out().strip()).isEqualTo("Nothing matches.");
    Run badLabel = run("search", "--data-dir", data, "--label", "Team", "stripe");
    assertThat(badLabel.exit()).isEqualTo(2);
    assertThat(badLabel.err().strip()).isEqualTo("blastgate: --label must be one of Identity, Credential, Workload, Owner, was 'Team'");

    Run show = run("show", "--data-dir", data, "wl:checkout");
    assertThat(show.exit()).as(show.err()).isZero();
    assertThat(show.out())
        .startsWith("Workload wl:checkout (service, ")
        .contains("criticality: critical")
        .contains("Owners: team:payments")
        .containsPattern("-USES->\\s+cred:stripe-key\\s+Credential")
        .containsPattern("<-DEPENDS_ON-\\s+wl:storefront\\s+Workload");
    JsonNode json = JSON.readTree(run("show", "--data-dir", data, "--json", "wl:reports").out());
    assertThat(json.at("/entity/id").asText()).isEqualTo("wl:reports");
    assertThat(json.at("/owners").size()).isZero();

    Run unknown = run("show", "--data-dir", data, "wl:nope");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err().strip()).isEqualTo("blastgate: no entity with id 'wl:nope' in the graph");
  }

  @Test
  void aNegativeBoundIsRefusedBeforeTheGraphIsOpened(@TempDir Path dir) {
    Path data = dir.resolve("never");
    Run r = run("blast-radius", "--data-dir", data.toString(), "--max-hops", "-1", "cred:stripe-key");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("blastgate: max hops must be at least 0, was -1");
    Run both = run("blast-radius", "--data-dir", data.toString(), "--direct", "--max-hops", "3", "cred:stripe-key");
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err().strip()).isEqualTo("blastgate: --direct is --max-hops 0: give one or the other");
    assertThat(data).doesNotExist();
  }

  @Test
  void aCodeownersFileImportsWithItsRepositoryAsAnOption(@TempDir Path dir) {
    String data = dir.resolve("data").toString();
    Run imported = run("import", "--data-dir", data, "--format", "codeowners", "--option",
        "repository=github.com/argoproj/argo-cd", "importers/codeowners/samples/argoproj__argo-cd/CODEOWNERS");
    assertThat(imported.exit()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("Imported codeowners as source codeowners:github.com:argoproj:argo-cd")
        .contains("5 owners").contains("no workload in the graph has its code in github.com/argoproj/argo-cd");

    Run without = run("import", "--data-dir", data, "importers/codeowners/samples/argoproj__argo-cd/CODEOWNERS");
    assertThat(without.exit()).isEqualTo(2);
    assertThat(without.out()).contains("a CODEOWNERS file does not say which repository it describes");
  }

  @Test
  void importThenAskTheBlastRadiusAsATableAndAsJson(@TempDir Path dir) throws Exception {
    String data = dir.resolve("data").toString();
    Run imported = run("import", "--data-dir", data, "fixtures/scenarios/worked-example/bundle.json");
    assertThat(imported.exit()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("as source scenario-worked-example").contains("4 workloads");

    Run table = run("blast-radius", "--data-dir", data, "cred:stripe-key");
    assertThat(table.exit()).as(table.err()).isZero();
    assertThat(table.out())
        .contains("4 workloads impacted (2 direct), deepest 2 hops")
        .contains("unowned 1")
        .contains("Teams: team:payments, team:web")
        .containsPattern("2\\s+wl:reports\\s+reports\\s+job\\s+low\\s+dev\\s+-\\s+UNOWNED\\s+"
            + "cred:stripe-key <-USES- wl:checkout <-DEPENDS_ON- wl:storefront <-DEPENDS_ON- wl:reports")
        .contains("Shared secret cred:stripe-key \"Stripe API key\": 2 consumers")
        .doesNotContain("truncated");

    // Direct impact only: the workloads that use the key, and an honest word that more lies beyond.
    Run direct = run("blast-radius", "--data-dir", data, "--direct", "cred:stripe-key");
    assertThat(direct.exit()).as(direct.err()).isZero();
    assertThat(direct.out())
        .contains("(api_token, \"Stripe API key\"), at most 0 hops")
        .contains("WARNING: truncated at 0 hops")
        .contains("2 workloads impacted (2 direct), deepest 0 hops")
        .containsPattern("0\\s+wl:checkout\\s+checkout\\s+.*cred:stripe-key <-USES- wl:checkout")
        .doesNotContain("wl:storefront");

    Run json = run("blast-radius", "--data-dir", data, "--json", "id:stripe-sa");
    assertThat(json.exit()).isZero();
    JsonNode body = JSON.readTree(json.out());
    assertThat(body.at("/summary/total").asInt()).isEqualTo(4);
    assertThat(body.at("/target/label").asText()).isEqualTo("Identity");
    JsonNode reports = body.at("/impacted/3");
    assertThat(reports.at("/id").asText()).isEqualTo("wl:reports");
    assertThat(reports.at("/via").size()).isEqualTo(5);
    assertThat(reports.at("/via/0/id").asText()).isEqualTo("id:stripe-sa");
    assertThat(reports.at("/via/0/relationship").isNull()).isTrue();
    assertThat(reports.at("/via/1/id").asText()).isEqualTo("cred:stripe-key");
    assertThat(reports.at("/via/1/label").asText()).isEqualTo("Credential");
    assertThat(reports.at("/via/1/relationship").asText()).isEqualTo("AUTHENTICATES_AS");
    assertThat(reports.at("/via/1/direction").asText()).isEqualTo("toward_target");
    assertThat(reports.at("/via/4/name").asText()).isEqualTo("reports");
    assertThat(body.at("/dependent_identities").size()).as("the target is not its own dependent").isZero();

    Run dot = run("blast-radius", "--data-dir", data, "--format", "dot", "cred:stripe-key");
    assertThat(dot.exit()).as(dot.err()).isZero();
    assertThat(dot.out()).startsWith("digraph blast_radius {").contains("\"cred:stripe-key\" -> \"wl:checkout\" [label=\"USES\"]")
        .contains("\"wl:storefront\" -> \"wl:reports\" [label=\"DEPENDS_ON\"]"); // along each via
    Run mermaid = run("blast-radius", "--data-dir", data, "--format", "mermaid", "cred:stripe-key");
    assertThat(mermaid.exit()).as(mermaid.err()).isZero();
    assertThat(mermaid.out()).startsWith("flowchart LR").contains("(wl:reports)").contains("unowned");
    Run both = run("blast-radius", "--data-dir", data, "--json", "--format", "dot", "cred:stripe-key");
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err()).contains("--json and --format dot disagree");
  }

  @Test
  void anInvalidBundleListsItsErrorsAndExitsTwo(@TempDir Path dir) {
    Run r = run("import", "--data-dir", dir.toString(), "fixtures/invalid/many-errors.json");
    assertThat(r.exit()).isEqualTo(Main.INVALID_INPUT);
    assertThat(r.out()).startsWith("Nothing was imported:").contains("/workloads/");
  }

  /** A tokens file open to group or others: serve stops before anything starts, in one line, exit 3. */
  @Test
  void serveRefusesATokensFileOthersMayReadInOneLine(@TempDir Path dir) throws Exception {
    Path tokens = Files.writeString(dir.resolve("tokens.yaml"), "tokens: []\n");
    Files.setPosixFilePermissions(tokens, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    var refused = org.assertj.core.api.Assertions.catchThrowableOfType(
        io.blastgate.error.BlastgateException.InvalidConfiguration.class,
        () -> AppConfig.forServer(Map.of("BLASTGATE_TOKENS_FILE", tokens.toString())));
    StringWriter err = new StringWriter();

    assertThat(Main.exitCode(refused, new PrintWriter(err, true))).isEqualTo(Main.UNAVAILABLE);
    assertThat(err.toString()).isEqualTo("blastgate: the configuration is not valid: BLASTGATE_TOKENS_FILE (in the"
        + " environment): " + tokens + " is open to group or others (rw-r--r--); make it the service's own: chmod 600 "
        + tokens + System.lineSeparator());
  }

  /** A URL's user-info is a password: a refused or unreachable server is named without it. */
  @Test
  void aPasswordInTheServersUrlIsNeverPrinted() throws Exception {
    int closed;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = probe.getLocalPort();
    }
    Run wrongScheme = run("search", "--server", "ftp://ana:s3cr3t@127.0.0.1:21", "--token", "t", "stripe");
    assertThat(wrongScheme.exit()).isEqualTo(Main.INVALID_INPUT);
    assertThat(wrongScheme.err()).contains("got 'ftp://***@127.0.0.1:21'").doesNotContain("s3cr3t");

    Run unreachable = run("search", "--server", "http://ana:s3cr3t@127.0.0.1:" + closed, "--token", "t", "stripe");
    assertThat(unreachable.exit()).as(unreachable.err()).isEqualTo(Main.UNAVAILABLE);
    assertThat(unreachable.err()).contains("http://***@127.0.0.1:" + closed).doesNotContain("s3cr3t");
  }

  @Test
  void anUnknownTargetIsOneClearLineAndExitsTwo(@TempDir Path dir) {
    Run r = run("blast-radius", "--data-dir", dir.toString(), "cred:nope");
    assertThat(r.exit()).isEqualTo(Main.INVALID_INPUT);
    assertThat(r.err()).contains("no entity with id 'cred:nope'").doesNotContain("Exception");
  }

  @Test
  void tokenCreatePrintsTheTokenOnceAndStoresOnlyItsHash(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("tokens.yaml");
    Run r =
        run("token", "create", "--name", "soar", "--principal", "person:ana", "--roles", "viewer,responder",
            "--file", file.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    String token = r.out().strip();
    assertThat(Files.readString(file)).doesNotContain(token);
    var principal = TokenStore.load(file).authenticate(token).orElseThrow();
    assertThat(principal.id()).isEqualTo("person:ana");
    assertThat(principal.roles()).extracting(Enum::name).containsExactlyInAnyOrder("VIEWER", "RESPONDER");
  }

  @Test
  void theDemoLoadsTheOrganisationAndIssuesOneTokenPerRole(@TempDir Path dir) throws Exception {
    Path demo = dir.resolve("demo");
    Run r = run("demo", "--no-serve", "--data-dir", demo.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("78 workloads").contains("viewer").contains("admin");
    // Nothing is served, so no curl line points at a server that is not there.
    assertThat(r.out()).contains("Nothing is served (--no-serve)").doesNotContain("curl");
    // One token per role, and a second approver so that a critical request can get its two.
    assertThat(TokenStore.load(demo.resolve("tokens.yaml")).entries()).extracting(e -> e.roles().iterator().next().wireName())
        .containsExactly("viewer", "importer", "responder", "approver", "approver", "auditor", "admin");
    // A second start wipes its own folder and starts fresh; a folder it did not make is refused.
    assertThat(run("demo", "--no-serve", "--data-dir", demo.toString()).exit()).isZero();
    Path foreign = dir.resolve("foreign");
    Files.createDirectories(foreign);
    Files.writeString(foreign.resolve("precious.txt"), "keep me");
    Run refused = run("demo", "--no-serve", "--data-dir", foreign.toString());
    assertThat(refused.exit()).isEqualTo(Main.INVALID_INPUT);
    assertThat(foreign.resolve("precious.txt")).exists();
  }
}
