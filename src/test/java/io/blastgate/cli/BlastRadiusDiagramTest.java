package io.blastgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.blastgate.wire.BlastRadiusJson;
import io.blastgate.wire.BlastRadiusJson.ViaStep;
import io.blastgate.wire.BlastRadiusJson.Criticality;
import io.blastgate.wire.BlastRadiusJson.Dependent;
import io.blastgate.wire.BlastRadiusJson.Impacted;
import io.blastgate.wire.BlastRadiusJson.Shared;
import io.blastgate.wire.BlastRadiusJson.Summary;
import io.blastgate.wire.EntityJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code blast-radius --format mermaid|dot}: well-formed whatever the ids and names hold. */
class BlastRadiusDiagramTest {
  /** Names and ids that would break a careless diagram: quotes, backslashes, brackets, arrows, a line break. */
  private static final String HOSTILE = "a \"quoted\" \\name\\ [x] {y} -> <b>#1; & `tick`\nnext";

  private static BlastRadiusJson answer() {
    var target = new EntityJson.Ref("cred:shared \"key\"", "Credential", "api_token", "Shared " + HOSTILE);
    var owner = new EntityJson.Owner("team:web", "Web", "team");
    List<Impacted> impacted =
        List.of(
            new Impacted("wl:a\"b", HOSTILE, "service", 0, "critical", "prod", "active", List.of(owner), List.of("team:web"), false,
                List.of()),
            new Impacted("wl:c\\d", "c", "service", 0, "high", "prod", "active", List.of(owner), List.of("team:web"), false,
                List.of()),
            new Impacted("wl:e;f", "e", "job", 1, null, "dev", "active", List.of(), List.of(), true,
                List.of(new ViaStep(target.id(), target.name(), "Credential", null, null),
                    new ViaStep("wl:a\"b", HOSTILE, "Workload", "USES", "toward_target"),
                    new ViaStep("wl:e;f", "e", "Workload", "DEPENDS_ON", "toward_target"))),
            new Impacted("wl:g", "g", "job", 2, "low", "dev", "active", List.of(owner), List.of("team:web"), false,
                List.of()));
    var summary =
        new Summary(2, 3, 1, new Criticality(1, 1, 0, 0, 1), 1, List.of("team:web"), List.of("dev", "prod"), true);
    var shared = new Shared(target, List.of("wl:a\"b", "wl:c\\d"), 2, true, List.of("team:web"), List.of("prod"));
    return new BlastRadiusJson(
        new EntityJson.Target(target.id(), target.label(), target.kind(), target.name(), null), Instant.EPOCH, 10, false, List.<Dependent>of(), impacted, summary, List.of(shared), List.of());
  }

  /** One quoted DOT string: anything but a quote or backslash, or an escaped character. */
  private static final String QUOTED = "\"(?:[^\"\\\\\\n]|\\\\.)*\"";

  private static final Pattern DOT_STATEMENT =
      Pattern.compile(
          "  (?:" + QUOTED + "(?: -> " + QUOTED + ")?|rankdir=LR|node)"
              + "(?: \\[(?:[a-z]+=(?:" + QUOTED + "|[A-Za-z0-9#.]+)(?:, )?)+\\])?;");

  @Test
  void dotIsOneGraphOfQuotedStatements() {
    String dot = BlastRadiusDiagram.dot(answer());
    List<String> lines = dot.lines().toList();
    assertThat(lines.getFirst()).isEqualTo("digraph blast_radius {");
    assertThat(lines.getLast()).isEqualTo("}");
    for (String line : lines.subList(1, lines.size() - 1)) {
      assertThat(line).as("a DOT statement").matches(DOT_STATEMENT);
    }
    // Every node: target, two direct, one a hop away by its via, one without a via: from the target.
    assertThat(lines).filteredOn(l -> l.matches("  " + QUOTED + " -> " + QUOTED + ".*")).hasSize(4);
    assertThat(dot).contains("\"wl:a\\\"b\" -> \"wl:e;f\" [label=\"DEPENDS_ON\"];");
    assertThat(dot).contains("\"wl:a\\\"b\"").contains("\"wl:c\\\\d\"").contains("\\nnext");
    assertThat(dot).contains("style=dashed, label=\"hops 2\"").contains("penwidth=3"); // no via; unowned
    assertThat(dot).contains("color=\"#8e44ad\", penwidth=4"); // the shared secret
  }

  @Test
  void mermaidNodeIdsAreGeneratedAndLabelsCannotEndEarly() {
    String mermaid = BlastRadiusDiagram.mermaid(answer());
    List<String> lines = mermaid.lines().toList();
    assertThat(lines.getFirst()).isEqualTo("flowchart LR");
    Pattern node = Pattern.compile("  (n\\d+)(?:\\{\\{\"([^\"]*)\"\\}\\}|\\[\"([^\"]*)\"\\])");
    List<String> nodes = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      Matcher m = node.matcher(line);
      if (m.matches()) {
        nodes.add(m.group(1));
        String label = m.group(2) != null ? m.group(2) : m.group(3);
        assertThat(label).doesNotContain("\"", "<", ">", "`", "\n");
      } else {
        assertThat(line).matches("  (n\\d+ (-->|-->\\|[A-Z_]+\\||-\\. hops \\d+ \\.->) n\\d+|class n\\d+ [a-z]+|classDef [a-z]+ .+)");
      }
    }
    assertThat(nodes).containsExactly("n0", "n1", "n2", "n3", "n4");
    assertThat(mermaid).contains("#quot;quoted#quot;").contains("#lt;b#gt;").contains("#35;1;").contains("#96;tick#96;");
    assertThat(mermaid).contains("n1 -->|DEPENDS_ON| n3").contains("n0 -. hops 2 .-> n4");
    assertThat(mermaid).contains("class n3 unowned").contains("class n3 unknown");
    assertThat(mermaid).contains("class n0 shared").contains("class n1 critical");
  }
}
