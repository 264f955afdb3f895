package io.blastgate.cli;

import static io.blastgate.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.blastgate.cli.CliTest.Run;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What {@code --help} and {@code help} print: whole sentences, wrapped as paragraphs, every command. */
class HelpTest {
  /** The command list shows each command's first line: a whole sentence, not half of one. */
  @Test
  void theTopLevelHelpListsEachCommandWithAWholeSentence() {
    Run help = run("--help");
    assertThat(help.exit()).isZero();
    List<String> commands = List.copyOf(Main.commandLine(new String[0]).getSubcommands().keySet());
    assertThat(commands).contains("serve", "import", "act", "approve", "audit", "bench-gate");
    for (String command : commands) {
      // The entry: the command's line and the more indented lines that continue it when it wraps.
      Matcher entry = Pattern.compile("(?m)^  " + Pattern.quote(command) + " +(.*(?:\\R {4,}.*)*)").matcher(help.out());
      assertThat(entry.find()).as(command).isTrue();
      assertThat(entry.group(1).strip()).as(command).endsWith(".");
    }
  }

  /**
   * Every command's help, nested ones too, opens with a whole sentence and wraps its text as
   * paragraphs: no line cut short and continued on the next (a description written as lines of its
   * source, each wrapped on its own).
   */
  @Test
  void everyCommandsHelpIsWrappedAsParagraphs() {
    Deque<CommandLine> todo = new ArrayDeque<>(List.of(Main.commandLine(new String[0])));
    int seen = 0;
    while (!todo.isEmpty()) {
      CommandLine command = todo.pop();
      todo.addAll(command.getSubcommands().values());
      String name = command.getCommandName();
      String[] description = command.getCommandSpec().usageMessage().description();
      assertThat(description).as(name).isNotEmpty();
      assertThat(description[0]).as(name).matches(".*[.?!]");
      List<String> lines = command.getHelp().description().lines().toList();
      for (int i = 0; i + 1 < lines.size(); i++) {
        boolean cutShort = lines.get(i).length() < 50 && lines.get(i + 1).matches("[a-z(].*");
        assertThat(cutShort).as(name + ": \"" + lines.get(i) + "\" then \"" + lines.get(i + 1) + "\"").isFalse();
      }
      seen++;
    }
    assertThat(seen).isGreaterThanOrEqualTo(20);
  }

  @Test
  void helpReachesANestedCommandAndNamesTheCommandsWhenOneIsUnknown() {
    Run create = run("help", "token", "create");
    assertThat(create.exit()).isZero();
    assertThat(create.out()).startsWith("Usage: blastgate token create").contains("Creates a token");

    Run unknown = run("help", "token", "delete");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err().strip()).isEqualTo("blastgate: no command 'token delete'; blastgate token has create");
  }
}
