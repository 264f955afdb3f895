package io.blastgate.cli;

import io.blastgate.app.Blastgate;
import io.blastgate.audit.AuditTrail;
import io.blastgate.audit.Verification;
import io.blastgate.wire.AuditJson;
import io.blastgate.wire.Json;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Verifies the audit trail's hash chain, or exports it as JSON lines.",
    subcommands = {AuditCommand.Verify.class, AuditCommand.Export.class})
final class AuditCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Walks the whole audit trail and says whether it verifies.",
        "It checks each entry's hash under the key held outside the graph, each link "
            + "to the entry before, and the seqs from 1 to the head without a gap. Prints every problem and "
            + "exits " + Main.NOT_VERIFIED + " when the chain does not verify, 0 when it does. "
            + "Asks a running server when one is named (--server or BLASTGATE_URL, with an auditor's token); "
            + "otherwise reads the configured graph itself, with the configured key."
      })
  static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DataDirOption data;

    @Mixin ServerOption server;

    @Override
    public Integer call() {
      Optional<Remote> remote = server.remote(data, System.getenv());
      AuditJson answer;
      if (remote.isPresent()) {
        answer = remote.get().audit();
      } else {
        try (Blastgate program = Blastgate.open(Environment.config(data.dataDir))) {
          AuditTrail trail = program.services().audit();
          Verification v = trail.verify();
          answer = new AuditJson(List.of(), v.verified(),
              v.problems().stream().map(p -> new AuditJson.Problem(p.seq(), p.message())).toList(), null);
        }
      }
      if (answer.verified()) {
        System.out.println("The audit trail verifies: every entry is as written, and none is missing.");
        return 0;
      }
      PrintWriter err = spec.commandLine().getErr();
      err.println("blastgate: the audit trail does not verify (" + answer.problems().size()
          + (answer.problems().size() == 1 ? " problem):" : " problems):"));
      answer.problems().forEach(p -> err.println("  - " + p.message()));
      return Main.NOT_VERIFIED;
    }
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = {
        "Prints every entry of the audit trail, oldest first, one JSON object per line (JSON lines).",
        "Keep the copies elsewhere: they show what a wiped or truncated trail once held. "
            + "Asks a running server when one is named (--server or BLASTGATE_URL, with an auditor's token); "
            + "otherwise reads the configured graph itself."
      })
  static final class Export implements Callable<Integer> {
    @Mixin DataDirOption data;

    @Mixin ServerOption server;

    @Override
    public Integer call() throws IOException {
      Optional<Remote> remote = server.remote(data, System.getenv());
      PrintStream stdout = System.out;
      OutputStream out = new BufferedOutputStream(stdout);
      if (remote.isPresent()) {
        remote.get().exportAudit(out);
      } else {
        var lines = Json.mapper().writer();
        try (Blastgate program = Blastgate.open(Environment.config(data.dataDir))) {
          program.services().audit().each(entry -> {
            try {
              out.write(lines.writeValueAsBytes(AuditJson.Entry.of(entry)));
              out.write('\n');
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
        }
      }
      out.flush();
      return 0;
    }
  }
}
