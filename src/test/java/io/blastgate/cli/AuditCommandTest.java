package io.blastgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.blastgate.app.Blastgate;
import io.blastgate.audit.AuditEvent;
import io.blastgate.audit.AuditKey;
import io.blastgate.audit.AuditRecord;
import io.blastgate.auth.GeneratedToken;
import io.blastgate.auth.Role;
import io.blastgate.auth.TokenStore;
import io.blastgate.config.AppConfig;
import io.blastgate.cli.CliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code blastgate audit verify} and {@code export}, offline on a data folder and through a running server. */
class AuditCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void verifyExitsZeroOnAnIntactTrailAndFiveWithTheProblemsOtherwise(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    Map<String, String> env = Map.of("BLASTGATE_DATA_DIR", data.toString(), "BLASTGATE_NEO4J_PAGECACHE", "16m");
    try (Blastgate program = Blastgate.open(AppConfig.fromEnvironment(env))) {
      for (int i = 1; i <= 3; i++) {
        program.services().audit().append(new AuditRecord(AuditEvent.REQUESTED, "person:ana", "req-" + i, "cred:k", Map.of()));
      }
    }
    Path key = data.resolve("audit.key");
    assertThat(Files.size(key)).isEqualTo(32);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");

    Run intact = CliTest.run("audit", "verify", "--data-dir", data.toString());
    assertThat(intact.exit()).as(intact.err()).isZero();
    assertThat(intact.out()).contains("The audit trail verifies");
    Run export = CliTest.run("audit", "export", "--data-dir", data.toString());
    assertThat(export.exit()).as(export.err()).isZero();
    String[] lines = export.out().split("\n");
    assertThat(lines).hasSize(3);
    assertThat(JSON.readTree(lines[2]).get("seq").asInt()).isEqualTo(3);
    assertThat(JSON.readTree(lines[2]).get("request_id").asText()).isEqualTo("req-3");

    Path tokens = dir.resolve("tokens.yaml");
    GeneratedToken auditor = TokenStore.generate("auditor", "person:aud", Set.of(Role.AUDITOR));
    GeneratedToken viewer = TokenStore.generate("viewer", "person:ana", Set.of(Role.VIEWER));
    TokenStore.append(tokens, auditor.entry());
    TokenStore.append(tokens, viewer.entry());
    Map<String, String> serving = Map.of("BLASTGATE_DATA_DIR", data.toString(), "BLASTGATE_NEO4J_PAGECACHE", "16m",
        "BLASTGATE_HTTP_PORT", "0", "BLASTGATE_TOKENS_FILE", tokens.toString());
    try (Blastgate.Server server = Blastgate.serve(AppConfig.forServer(serving), "test")) {
      String url = "http://127.0.0.1:" + server.port();
      Run remote = CliTest.run("audit", "verify", "--server", url, "--token", auditor.token());
      assertThat(remote.exit()).as(remote.err()).isZero();
      Run remoteExport = CliTest.run("audit", "export", "--server", url, "--token", auditor.token());
      assertThat(remoteExport.exit()).as(remoteExport.err()).isZero();
      assertThat(remoteExport.out()).isEqualTo(export.out());
      Run forbidden = CliTest.run("audit", "verify", "--server", url, "--token", viewer.token());
      assertThat(forbidden.exit()).isEqualTo(4);
      assertThat(forbidden.err().strip()).isEqualTo("blastgate: this operation requires the role 'auditor'");
    }

    // Another key: whoever verifies without the key the chain was written with sees every entry changed.
    Files.write(key, AuditKey.randomBytes());
    Run wrongKey = CliTest.run("audit", "verify", "--data-dir", data.toString());
    assertThat(wrongKey.exit()).isEqualTo(Main.NOT_VERIFIED);
    assertThat(wrongKey.err()).startsWith("blastgate: the audit trail does not verify (3 problems):")
        .contains("  - entry 1 was changed: its hash does not match its contents");

    // A key others may read is refused, as the tokens file is.
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
    Run open = CliTest.run("audit", "verify", "--data-dir", data.toString());
    assertThat(open.exit()).isEqualTo(3);
    assertThat(open.err()).contains("BLASTGATE_AUDIT_KEY_FILE: " + key + " is open to group or others (rw-r--r--)")
        .contains("chmod 600");
  }
}
