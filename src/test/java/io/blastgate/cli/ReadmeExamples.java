package io.blastgate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's examples, as {@link ReadmeExamplesTest} runs them: every fenced block of kind {@code sh},
 * {@code console} or {@code text}, in order, with what the README asks of it.
 *
 * <ul>
 *   <li>An {@code sh} block holds commands, one per line (a line ending in {@code \} continues on the
 *       next); each must exit 0. Its output is not shown in the README, so it is not compared.
 *   <li>A {@code console} block holds commands after {@code $ }, each followed by the output the README
 *       shows for it, which the command must print (see {@link OutputShape}).
 *   <li>A {@code text} block is output; the README says whose with a directive.
 * </ul>
 *
 * <p>Directives are HTML comments on the line before a block, invisible on the rendered page: {@code
 * <!-- readme-check: skip -->} (the block is not run: {@code ./mvnw verify} is the run that checks),
 * {@code background} (the block's one command keeps running, a server: the check waits until it
 * answers on its port), {@code background-output} (a text block: what the background command printed
 * so far), {@code stop-background} (stop it before this block), and {@code background-beside} (the
 * block's last command keeps running beside the server until the end, as in a terminal of its own:
 * Keycloak; nothing waits for it, the README's next command does).
 */
record ReadmeExamples(List<Block> blocks) {
  private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");
  private static final Pattern DIRECTIVE = Pattern.compile("^<!-- readme-check: ([a-z-]+) -->\\s*$");

  /** One fenced block: its kind, its directive ("" when none), its 1-based first line, its commands. */
  record Block(String kind, String directive, int line, List<Example> examples, List<String> text) {}

  /** One command and the lines the README shows as its output (empty for an sh block). */
  record Example(String command, int line, List<String> expected) {}

  static ReadmeExamples read(Path readme) throws IOException {
    List<String> lines = Files.readAllLines(readme);
    List<Block> blocks = new ArrayList<>();
    String directive = "";
    for (int i = 0; i < lines.size(); i++) {
      Matcher d = DIRECTIVE.matcher(lines.get(i));
      if (d.matches()) {
        directive = d.group(1);
        continue;
      }
      Matcher fence = FENCE.matcher(lines.get(i));
      if (!fence.matches()) {
        if (!lines.get(i).isBlank()) {
          directive = "";
        }
        continue;
      }
      String kind = fence.group(1);
      int first = i + 1;
      List<String> body = new ArrayList<>();
      for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
        body.add(lines.get(i));
      }
      if (kind.equals("sh") || kind.equals("console") || kind.equals("text")) {
        blocks.add(new Block(kind, directive, first, examples(kind, body, first + 1), List.copyOf(body)));
      }
      directive = "";
    }
    return new ReadmeExamples(List.copyOf(blocks));
  }

  private static List<Example> examples(String kind, List<String> body, int firstLine) {
    List<Example> out = new ArrayList<>();
    for (int i = 0; i < body.size(); i++) {
      String line = body.get(i);
      boolean command = kind.equals("sh") ? !line.isBlank() && !line.startsWith("#") : line.startsWith("$ ");
      if (!command) {
        continue;
      }
      int at = firstLine + i;
      StringBuilder text = new StringBuilder(kind.equals("sh") ? line : line.substring(2));
      while (text.toString().endsWith("\\") && i + 1 < body.size()) {
        text.setLength(text.length() - 1);
        text.append(' ').append(body.get(++i).strip());
      }
      List<String> expected = new ArrayList<>();
      if (kind.equals("console")) {
        while (i + 1 < body.size() && !body.get(i + 1).startsWith("$ ")) {
          expected.add(body.get(++i));
        }
      }
      out.add(new Example(withoutComment(text.toString()).strip(), at, List.copyOf(expected)));
    }
    return List.copyOf(out);
  }

  /** A command without its trailing shell comment ({@code   # no token}), outside quotes. */
  private static String withoutComment(String command) {
    boolean single = false;
    boolean dbl = false;
    for (int i = 0; i < command.length(); i++) {
      char c = command.charAt(i);
      if (c == '\'' && !dbl) {
        single = !single;
      } else if (c == '"' && !single) {
        dbl = !dbl;
      } else if (c == '#' && !single && !dbl && i > 0 && Character.isWhitespace(command.charAt(i - 1))) {
        return command.substring(0, i);
      }
    }
    return command;
  }
}
