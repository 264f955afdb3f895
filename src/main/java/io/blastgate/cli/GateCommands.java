package io.blastgate.cli;

import io.blastgate.error.BlastgateException.InvalidInput;
import io.blastgate.wire.ActionJson;
import io.blastgate.wire.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The gate at the terminal, through a running server (the requester and approver is the principal of
 * the token): {@code act}, {@code pending}, {@code approve}, {@code reject}, {@code rollback}.
 */
final class GateCommands {
  private GateCommands() {}

  /** The server these commands need: a request is made, approved or undone by a principal. */
  static Remote remote(ServerOption server) {
    return server.remote(System.getenv()).orElseThrow(() -> new InvalidInput(
        "this command asks a running server: give --server URL (or " + ServerOption.URL_KEY + ") and a token"));
  }

  static int print(ActionJson answer, boolean json) throws Exception {
    System.out.print(json ? Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(answer)
        + System.lineSeparator() : ActionText.of(answer));
    return 0;
  }

  @Command(name = "act", mixinStandardHelpOptions = true, description = {
      "Asks the gate for an action on a target: it runs, waits for approval, or is refused, by policy.",
      "With --dry-run, only the decision: nothing is kept or done."})
  static final class Act implements Callable<Integer> {
    @Parameters(paramLabel = "TARGET", description = "the id of the identity, credential or workload")
    String target;

    @Option(names = "--action", required = true, description = "e.g. revoke_credential, disable_identity, suspend (docs/policy.md)")
    String action;

    @Option(names = "--confidence", required = true, description = "low, medium, high, or a score from 0 to 1")
    String confidence;

    @Option(names = "--reason", required = true, description = "why, for the approvers and the audit")
    String reason;

    @Option(names = "--key", paramLabel = "KEY", description = "an idempotency key: asking again with it answers the first request")
    String key;

    @Option(names = "--dry-run", description = "decide only")
    boolean dryRun;

    @Option(names = "--json", description = "print the API's JSON instead of text")
    boolean json;

    @Mixin ServerOption server;

    @Override
    public Integer call() throws Exception {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("target", target);
      body.put("action", action);
      body.put("confidence", confidence.matches("[0-9.]+") ? Double.valueOf(confidence) : confidence);
      body.put("reason", reason);
      if (key != null) {
        body.put("idempotency_key", key);
      }
      body.put("dry_run", dryRun);
      return print(remote(server).act(body), json);
    }
  }

  @Command(name = "pending", mixinStandardHelpOptions = true, description = "Lists the requests waiting for approval, newest first.")
  static final class Pending implements Callable<Integer> {
    @Option(names = "--status", description = "another status instead (executed, denied, …)", defaultValue = "pending_approval")
    String status;

    @Option(names = "--json", description = "print the API's JSON instead of text")
    boolean json;

    @Mixin ServerOption server;

    @Override
    public Integer call() throws Exception {
      ActionJson.Page page = remote(server).actions(status, 100);
      System.out.print(json ? Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(page)
          + System.lineSeparator() : ActionText.list(page.requests()));
      return 0;
    }
  }

  /** What approve, reject and rollback share: a request id, a comment, the server. */
  abstract static class OnRequest implements Callable<Integer> {
    @Parameters(paramLabel = "REQUEST", description = "the request's id")
    String id;

    @Option(names = "--json", description = "print the API's JSON instead of text")
    boolean json;

    @Mixin ServerOption server;

    abstract String verb();

    String comment() {
      return null;
    }

    @Override
    public Integer call() throws Exception {
      return print(remote(server).onRequest(id, verb(), comment()), json);
    }
  }

  @Command(name = "approve", mixinStandardHelpOptions = true, description = "Approves a pending request (never your own).")
  static final class Approve extends OnRequest {
    @Option(names = "--comment", description = "why, for the audit")
    String comment;

    @Override
    String verb() {
      return "approve";
    }

    @Override
    String comment() {
      return comment;
    }
  }

  @Command(name = "reject", mixinStandardHelpOptions = true, description = "Rejects a pending request, with why.")
  static final class Reject extends OnRequest {
    @Option(names = "--comment", required = true, description = "why, for the requester and the audit")
    String comment;

    @Override
    String verb() {
      return "reject";
    }

    @Override
    String comment() {
      return comment;
    }
  }

  @Command(name = "rollback", mixinStandardHelpOptions = true, description = "Undoes an executed, reversible action.")
  static final class Rollback extends OnRequest {
    @Override
    String verb() {
      return "rollback";
    }
  }
}
