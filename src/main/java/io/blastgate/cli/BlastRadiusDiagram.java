package io.blastgate.cli;

import io.blastgate.wire.BlastRadiusJson;
import io.blastgate.wire.BlastRadiusJson.Impacted;
import io.blastgate.wire.BlastRadiusJson.Shared;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A blast radius as a diagram to paste into a document: Mermaid ({@code flowchart}) or Graphviz DOT.
 * Like the table it renders the wire shape only. Edges: each workload hangs from the entity before it on
 * its {@code via} (the target, or the workload it depends on), labelled with the relationship; when
 * that entity is not drawn (a credential between an identity target and its workloads), from the
 * target, dashed and labelled with its hops; identities that depend on an identity target hang from it.
 * Colour says criticality; an unowned workload has a dashed border; a shared secret is drawn thick.
 *
 * <p>Escaping: a DOT id is always a quoted string ({@code \} and {@code "} escaped, line breaks
 * dropped); a Mermaid node id is generated ({@code n0}, {@code n1}, ...), never taken from the data,
 * and its label carries the name with Mermaid's entity codes for the characters that would end it.
 */
final class BlastRadiusDiagram {
  private static final Map<String, String> COLOURS =
      Map.of(
          "critical", "#c0392b",
          "high", "#e67e22",
          "medium", "#f1c40f",
          "low", "#27ae60",
          "unknown", "#95a5a6");

  private BlastRadiusDiagram() {}

  /** The criticality a colour is picked for: the answer's, or unknown. */
  private static String criticality(Impacted w) {
    String c = w.criticality() == null ? "unknown" : w.criticality().toLowerCase(Locale.ROOT);
    return COLOURS.containsKey(c) ? c : "unknown";
  }

  /** The entity a workload's via reaches it from (the step before it), or null without a via. */
  private static String parent(Impacted w) {
    return w.via() == null || w.via().size() < 2 ? null : w.via().get(w.via().size() - 2).id();
  }

  private static String named(String name, String id) {
    return name == null || name.isBlank() ? id : name;
  }

  private static boolean sharedSecret(BlastRadiusJson br, String id) {
    return br.sharedSecrets().stream().anyMatch(s -> s.shared() && s.credential().id().equals(id));
  }

  static String mermaid(BlastRadiusJson br) {
    Map<String, String> ids = new LinkedHashMap<>();
    StringBuilder out = new StringBuilder("flowchart LR\n");
    String target = br.target().id();
    ids.put(target, "n0");
    out.append("  n0{{\"").append(mermaidText(br.target().label() + ": " + named(br.target().name(), br.target().id()))).append("\"}}\n");
    out.append("  class n0 target\n");
    if (sharedSecret(br, target)) {
      out.append("  class n0 shared\n");
    }
    for (var d : br.dependentIdentities()) {
      if (ids.containsKey(d.id())) {
        continue;
      }
      String id = "n" + ids.size();
      ids.put(d.id(), id);
      out.append("  ").append(id).append("[\"").append(mermaidText("Identity: " + named(d.name(), d.id()))).append("\"]\n");
      out.append("  n0 -->|CAN_ASSUME| ").append(id).append('\n');
    }
    for (Impacted w : br.impacted()) {
      if (ids.containsKey(w.id())) {
        continue; // a workload target is its own hop 0
      }
      String id = "n" + ids.size();
      ids.put(w.id(), id);
      out.append("  ").append(id).append("[\"").append(mermaidText(named(w.name(), w.id()) + " (" + w.id() + ")")).append("\"]\n");
      out.append("  class ").append(id).append(' ').append(criticality(w)).append('\n');
      if (w.unowned()) {
        out.append("  class ").append(id).append(" unowned\n");
      }
      String from = parent(w);
      if (from != null && ids.containsKey(from)) {
        out.append("  ").append(ids.get(from)).append(" -->|").append(w.via().getLast().relationship()).append("| ")
            .append(id).append('\n');
      } else {
        out.append(w.hops() == 0 ? "  n0 --> " : "  n0 -. hops " + w.hops() + " .-> ").append(id).append('\n');
      }
    }
    for (Shared s : br.sharedSecrets()) {
      if (s.shared() && !ids.containsKey(s.credential().id())) {
        String id = "n" + ids.size();
        ids.put(s.credential().id(), id);
        out.append("  ").append(id).append("[\"").append(mermaidText("Shared secret: " + named(s.credential().name(), s.credential().id())))
            .append("\"]\n  class ").append(id).append(" shared\n");
        for (String consumer : s.consumers()) {
          if (ids.containsKey(consumer)) {
            out.append("  ").append(id).append(" -->|USES| ").append(ids.get(consumer)).append('\n');
          }
        }
      }
    }
    out.append("  classDef target fill:#1d2330,color:#ffffff\n");
    COLOURS.forEach((name, colour) -> out.append("  classDef ").append(name).append(" fill:").append(colour).append('\n'));
    out.append("  classDef unowned stroke:#1d2330,stroke-width:3px,stroke-dasharray:5 3\n");
    out.append("  classDef shared stroke:#8e44ad,stroke-width:4px\n");
    return out.toString();
  }

  static String dot(BlastRadiusJson br) {
    StringBuilder out = new StringBuilder("digraph blast_radius {\n");
    out.append("  rankdir=LR;\n  node [shape=box, style=\"rounded,filled\", fillcolor=\"#95a5a6\"];\n");
    String target = br.target().id();
    out.append("  ").append(dotId(target)).append(" [label=").append(dotId(br.target().label() + ": " + named(br.target().name(), br.target().id())))
        .append(", shape=diamond, fillcolor=\"#1d2330\", fontcolor=\"#ffffff\"")
        .append(sharedSecret(br, target) ? ", color=\"#8e44ad\", penwidth=4" : "").append("];\n");
    java.util.Set<String> drawn = new java.util.HashSet<>(java.util.Set.of(target));
    for (var d : br.dependentIdentities()) {
      if (drawn.add(d.id())) {
        out.append("  ").append(dotId(d.id())).append(" [label=").append(dotId("Identity: " + named(d.name(), d.id()))).append("];\n");
        out.append("  ").append(dotId(target)).append(" -> ").append(dotId(d.id())).append(" [label=\"CAN_ASSUME\"];\n");
      }
    }
    for (Impacted w : br.impacted()) {
      if (!drawn.add(w.id())) {
        continue;
      }
      out.append("  ").append(dotId(w.id())).append(" [label=").append(dotId(named(w.name(), w.id()) + "\n" + w.id()))
          .append(", fillcolor=\"").append(COLOURS.get(criticality(w))).append('"')
          .append(w.unowned() ? ", style=\"rounded,filled,dashed\", penwidth=3" : "").append("];\n");
      String from = parent(w);
      if (from != null && drawn.contains(from)) {
        out.append("  ").append(dotId(from)).append(" -> ").append(dotId(w.id())).append(" [label=")
            .append(dotId(w.via().getLast().relationship())).append("];\n");
      } else {
        out.append("  ").append(dotId(target)).append(" -> ").append(dotId(w.id()))
            .append(w.hops() == 0 ? ";\n" : " [style=dashed, label=\"hops " + w.hops() + "\"];\n");
      }
    }
    for (Shared s : br.sharedSecrets()) {
      if (s.shared() && drawn.add(s.credential().id())) {
        out.append("  ").append(dotId(s.credential().id())).append(" [label=").append(dotId("Shared secret: " + named(s.credential().name(), s.credential().id())))
            .append(", color=\"#8e44ad\", penwidth=4];\n");
        for (String consumer : s.consumers()) {
          if (drawn.contains(consumer)) {
            out.append("  ").append(dotId(s.credential().id())).append(" -> ").append(dotId(consumer)).append(" [label=\"USES\"];\n");
          }
        }
      }
    }
    return out.append("}\n").toString();
  }

  /** A DOT quoted string: backslash and quote escaped, a line break as DOT's own {@code \n}. */
  static String dotId(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char ch : String.valueOf(text).toCharArray()) {
      switch (ch) {
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        case '\n' -> out.append("\\n");
        default -> out.append(Character.isISOControl(ch) ? ' ' : ch);
      }
    }
    return out.append('"').toString();
  }

  /** Text inside a Mermaid {@code "..."} label: what would end or reinterpret it, as entity codes. */
  static String mermaidText(String text) {
    StringBuilder out = new StringBuilder();
    for (char ch : String.valueOf(text).toCharArray()) {
      switch (ch) {
        case '#' -> out.append("#35;");
        case '"' -> out.append("#quot;");
        case '<' -> out.append("#lt;");
        case '>' -> out.append("#gt;");
        case '&' -> out.append("#amp;");
        case '`' -> out.append("#96;");
        default -> out.append(Character.isISOControl(ch) ? ' ' : ch);
      }
    }
    return out.toString();
  }
}
