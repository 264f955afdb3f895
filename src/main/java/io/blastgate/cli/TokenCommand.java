package io.blastgate.cli;

import io.blastgate.auth.GeneratedToken;
import io.blastgate.auth.Role;
import io.blastgate.auth.TokenStore;
import io.blastgate.error.BlastgateException.InvalidInput;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = "Manages API tokens: only their SHA-256 hashes are stored.",
    subcommands = {TokenCommand.Create.class})
final class TokenCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
        "Creates a token, adds its hash to the tokens file, and prints the token once.",
        "Roles: viewer, importer, responder, approver, auditor, admin (admin holds every role; "
            + "responder, approver and auditor also hold viewer)."
      })
  static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--name", required = true, description = "a unique name for the token, e.g. soar-playbook")
    String name;

    @Option(names = "--principal", required = true, description = "who acts with it, ideally an Owner person id, e.g. person:ana")
    String principal;

    @Option(names = "--roles", required = true, split = ",", description = "comma-separated roles")
    List<String> roles;

    @Option(names = "--file", description = "the tokens file (default BLASTGATE_TOKENS_FILE)")
    Path file;

    @Override
    public Integer call() {
      Path target = file != null ? file : Environment.config(null).tokensFile().orElse(null);
      if (target == null) {
        throw new InvalidInput("name the tokens file with --file or BLASTGATE_TOKENS_FILE");
      }
      Set<Role> parsed = EnumSet.noneOf(Role.class);
      for (String r : roles) {
        parsed.add(
            Role.fromWireName(r.strip())
                .orElseThrow(
                    () ->
                        new InvalidInput(
                            "unknown role '" + r.strip() + "': the roles are "
                                + Arrays.stream(Role.values()).map(Role::wireName).collect(Collectors.joining(", ")))));
      }
      GeneratedToken token = TokenStore.generate(name, principal, parsed);
      TokenStore.append(target, token.entry());
      PrintWriter err = spec.commandLine().getErr();
      err.println("Added token '" + name + "' for " + principal + " with roles "
          + parsed.stream().map(Role::wireName).collect(Collectors.joining(", ")) + " to " + target);
      err.println("It is shown this once; keep it in a secret store:");
      System.out.println(token.token());
      return 0;
    }
  }
}
