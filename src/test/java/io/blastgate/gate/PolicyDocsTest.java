package io.blastgate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/policy.md says what the code does: its actions table, its checks table, its CEL variables. */
class PolicyDocsTest {
  private static List<List<String>> table(String firstHeaderCell) throws IOException {
    List<String> lines = Files.readAllLines(Path.of("docs/policy.md"));
    List<List<String>> rows = new ArrayList<>();
    boolean in = false;
    for (String line : lines) {
      if (line.startsWith("| " + firstHeaderCell + " |")) {
        in = true;
        continue;
      }
      if (in && line.startsWith("|---")) {
        continue;
      }
      if (in && !line.startsWith("|")) {
        break;
      }
      if (in) {
        List<String> cells = new ArrayList<>();
        for (String c : line.substring(1, line.length() - 1).split("\\|", -1)) {
          cells.add(c.strip().replace("`", ""));
        }
        rows.add(cells);
      }
    }
    assertThat(rows).as("the table starting with " + firstHeaderCell).isNotEmpty();
    return rows;
  }

  @Test
  void theActionsTableIsTheLadder() throws IOException {
    List<String> documented = table("Action").stream().map(r -> String.join(" | ", r)).toList();
    List<String> declared = new ArrayList<>();
    for (Action a : Actions.ladder().all()) {
      declared.add(String.join(" | ", a.name(), a.stage().wireName(),
          a.appliesTo().stream().map(l -> l.cypherName()).sorted((x, y) -> order(x) - order(y))
              .collect(Collectors.joining(", ")),
          a.reversible() ? "yes" : "no",
          (a.interruptsHuman() ? "yes" : "no") + " / " + (a.interruptsNonHuman() ? "yes" : "no"),
          a.records() == null ? "" : a.records() + (a.expires() ? " (for 24 hours)" : "")));
    }
    assertThat(documented).containsExactlyElementsOf(declared);
  }

  private static int order(String label) {
    return List.of("Identity", "Credential", "Workload").indexOf(label);
  }

  @Test
  void theChecksTableIsTheGatesChecks() throws IOException {
    Set<String> documented = table("Check").stream().map(r -> r.get(0)).collect(Collectors.toCollection(LinkedHashSet::new));
    String source = Files.readString(Path.of("src/main/java/io/blastgate/gate/Gate.java"));
    Set<String> inCode = new LinkedHashSet<>();
    Matcher m = Pattern.compile("r\\.add\\(\"([a-z:-]+)\"").matcher(source);
    while (m.find()) {
      inCode.add(m.group(1));
    }
    Matcher ternary = Pattern.compile("\"(within-limits|interrupts-nothing)\"").matcher(source);
    while (ternary.find()) {
      inCode.add(ternary.group(1));
    }
    inCode.add("rule:NAME");
    assertThat(source).contains("r.add(\"rule:\" + rule.name()");
    inCode.remove("rule:");
    assertThat(documented).containsExactlyInAnyOrderElementsOf(inCode);
  }

  @Test
  void theCelVariablesTableIsTheCompilersDeclarations() throws IOException {
    Map<String, String> documented = new LinkedHashMap<>();
    table("Variable").forEach(r -> documented.put(r.get(0), r.get(1)));
    Map<String, String> declared = new LinkedHashMap<>();
    CelCondition.VARIABLES.forEach((name, type) -> declared.put(name, (type instanceof dev.cel.common.types.ListType l
        ? "list(" + l.elemType().name() + ")" : type.name()).toLowerCase()));
    assertThat(documented.keySet()).containsExactlyElementsOf(declared.keySet());
    documented.forEach((name, type) -> assertThat(declared.get(name).replace(" ", "")).as(name)
        .isEqualTo(type.replace(" ", "")));
  }
}
