package io.blastgate.cli;

import io.blastgate.error.BlastgateException.InvalidInput;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code blastgate help [COMMAND [SUBCOMMAND …]]}: the help of any command, nested ones included
 * ({@code help token create}). picocli's own help command reads one level only, and printed {@code
 * token}'s help for {@code help token create}.
 */
@Command(
    name = "help",
    helpCommand = true,
    description = "Prints the help of a command, e.g. help token create.")
final class HelpCommand implements Runnable {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "the command, and its subcommand if it has one")
  List<String> path = new ArrayList<>();

  @Override
  public void run() {
    CommandLine command = spec.parent().commandLine();
    List<String> walked = new ArrayList<>();
    for (String name : path) {
      CommandLine sub = command.getSubcommands().get(name);
      if (sub == null) {
        throw new InvalidInput(
            "no command '" + String.join(" ", walked.isEmpty() ? List.of(name) : append(walked, name)) + "'; "
                + (walked.isEmpty() ? "blastgate" : "blastgate " + String.join(" ", walked))
                + " has " + String.join(", ", command.getSubcommands().keySet()));
      }
      walked.add(name);
      command = sub;
    }
    command.usage(spec.commandLine().getOut());
  }

  private static List<String> append(List<String> list, String last) {
    List<String> out = new ArrayList<>(list);
    out.add(last);
    return out;
  }
}
