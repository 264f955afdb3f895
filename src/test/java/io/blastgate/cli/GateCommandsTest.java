package io.blastgate.cli;

import static io.blastgate.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.blastgate.app.Blastgate;
import io.blastgate.auth.GeneratedToken;
import io.blastgate.auth.Role;
import io.blastgate.auth.TokenStore;
import io.blastgate.cli.CliTest.Run;
import io.blastgate.config.AppConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate at the terminal, through a real server on the worked example: a request waits for two
 * people of the teams that would break, the requester cannot approve it, two approvers run it; a
 * reversible action is undone; the commands say what they need when no server is named.
 */
class GateCommandsTest {
  @Test
  void aRequestItsApprovalsAndARollbackAtTheTerminal(@TempDir Path dir) throws Exception {
    Path tokens = dir.resolve("tokens.yaml");
    GeneratedToken importer = TokenStore.generate("importer", "person:diego", Set.of(Role.IMPORTER));
    GeneratedToken responder = TokenStore.generate("responder", "person:uche", Set.of(Role.RESPONDER, Role.APPROVER));
    GeneratedToken payments = TokenStore.generate("payments", "person:ana", Set.of(Role.APPROVER));
    GeneratedToken web = TokenStore.generate("web", "person:bo", Set.of(Role.APPROVER));
    for (GeneratedToken t : new GeneratedToken[] {importer, responder, payments, web}) {
      TokenStore.append(tokens, t.entry());
    }
    Map<String, String> env = Map.of(
        "BLASTGATE_DATA_DIR", dir.resolve("data").toString(),
        "BLASTGATE_NEO4J_PAGECACHE", "16m",
        "BLASTGATE_HTTP_PORT", "0",
        "BLASTGATE_TOKENS_FILE", tokens.toString());
    try (Blastgate.Server server = Blastgate.serve(AppConfig.forServer(env), "test")) {
      String url = "http://127.0.0.1:" + server.port();
      Run imported = run("import", "--server", url, "--token", importer.token(), "fixtures/gate/bundle.json");
      assertThat(imported.exit()).as(imported.err()).isZero();

      Run dry = run("act", "--server", url, "--token", responder.token(), "cred:stripe-key",
          "--action", "revoke_credential", "--confidence", "0.9", "--reason", "key in a paste", "--dry-run");
      assertThat(dry.exit()).as(dry.err()).isZero();
      assertThat(dry.out()).contains("status    dry_run", "decision  require_approval: 2 approvals from team:payments, team:web",
          "critical-impacted", "softer    notify_owners");

      Run asked = run("act", "--server", url, "--token", responder.token(), "cred:stripe-key",
          "--action", "revoke_credential", "--confidence", "high", "--reason", "key in a paste", "--key", "inc-1");
      assertThat(asked.out()).contains("status    pending_approval");
      String id = asked.out().lines().filter(l -> l.startsWith("request ")).findFirst().orElseThrow().substring(10).strip();

      Run pending = run("pending", "--server", url, "--token", payments.token());
      assertThat(pending.out()).contains(id + "  pending_approval  revoke_credential on cred:stripe-key  asked by person:uche"
          + "  needs 2 more from team:payments, team:web");
      Run own = run("approve", "--server", url, "--token", responder.token(), id);
      assertThat(own.exit()).isEqualTo(4);
      assertThat(own.err().strip()).isEqualTo("blastgate: a requester never approves or rejects their own request");
      assertThat(run("approve", "--server", url, "--token", payments.token(), id, "--comment", "ok").out())
          .contains("status    pending_approval", "approved so far by person:ana");
      Run done = run("approve", "--server", url, "--token", web.token(), id);
      assertThat(done.out()).contains("status    executed", "done      the graph records cred:stripe-key as revoked");
      Run again = run("approve", "--server", url, "--token", web.token(), id);
      assertThat(again.exit()).isEqualTo(2);
      assertThat(again.err()).contains("is executed, no longer pending approval");
      Run undo = run("rollback", "--server", url, "--token", responder.token(), id);
      assertThat(undo.err().strip()).isEqualTo("blastgate: 'revoke_credential' cannot be undone");
    }
  }

  @Test
  void theGateCommandsNeedAServer() {
    Run act = run("act", "cred:x", "--action", "revoke_credential", "--confidence", "high", "--reason", "r");
    assertThat(act.exit()).isEqualTo(2);
    assertThat(act.err().strip()).isEqualTo(
        "blastgate: this command asks a running server: give --server URL (or BLASTGATE_URL) and a token");
  }
}
