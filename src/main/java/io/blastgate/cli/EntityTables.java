package io.blastgate.cli;

import com.github.freva.asciitable.AsciiTable;
import com.github.freva.asciitable.Column;
import com.github.freva.asciitable.HorizontalAlign;
import io.blastgate.wire.EntityJson;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Search hits and one entity as a person at a terminal reads them, from the wire shapes. */
final class EntityTables {
  private EntityTables() {}

  static String page(EntityJson.Page page) {
    if (page.items().isEmpty()) {
      return "Nothing matches." + System.lineSeparator();
    }
    String table =
        AsciiTable.builder()
            .border(AsciiTable.NO_BORDERS)
            .data(
                page.items(),
                Arrays.asList(
                    new Column().header("ID").dataAlign(HorizontalAlign.LEFT).with(EntityJson.Ref::id),
                    new Column().header("LABEL").dataAlign(HorizontalAlign.LEFT).with(EntityJson.Ref::label),
                    new Column().header("KIND").dataAlign(HorizontalAlign.LEFT).with(EntityJson.Ref::kind),
                    new Column().header("NAME").dataAlign(HorizontalAlign.LEFT).with(EntityJson.Ref::name)))
            .asString();
    String more = page.nextOffset() == null ? "" : "(more: raise --limit)" + System.lineSeparator();
    return table + System.lineSeparator() + more;
  }

  static String detail(EntityJson.Detail d) {
    EntityJson.EntityBody e = d.entity();
    StringBuilder out = new StringBuilder();
    out.append(String.format("%s %s (%s, \"%s\")%n", e.label(), e.id(), e.kind(), e.name()));
    for (Map.Entry<String, Object> p : e.properties().entrySet()) {
      if (p.getValue() != null) {
        out.append(String.format("  %s: %s%n", p.getKey(), p.getValue() instanceof List<?> l ? join(l) : p.getValue()));
      }
    }
    out.append(String.format("Sources: %s; first seen %s, last seen %s, last changed %s%n", String.join(", ", e.sources()), e.firstSeen(), e.lastSeen(), e.lastChanged()));
    out.append(String.format("Owners: %s%n", d.owners().isEmpty()
        ? "none (unowned)"
        : d.owners().stream().map(o -> o.id() + " (" + o.name() + ")").collect(Collectors.joining(", "))));
    if (d.neighbours().isEmpty()) {
      return out.append("No neighbours.").append(System.lineSeparator()).toString();
    }
    out.append(System.lineSeparator());
    out.append(
        AsciiTable.builder()
            .border(AsciiTable.NO_BORDERS)
            .data(
                d.neighbours(),
                Arrays.asList(
                    new Column().header("RELATIONSHIP").dataAlign(HorizontalAlign.LEFT)
                        .with(n -> n.direction().equals("out") ? "-" + n.type() + "->" : "<-" + n.type() + "-"),
                    new Column().header("ID").dataAlign(HorizontalAlign.LEFT).with(n -> n.entity().id()),
                    new Column().header("LABEL").dataAlign(HorizontalAlign.LEFT).with(n -> n.entity().label()),
                    new Column().header("KIND").dataAlign(HorizontalAlign.LEFT).with(n -> n.entity().kind()),
                    new Column().header("NAME").dataAlign(HorizontalAlign.LEFT).with(n -> n.entity().name()))))
        .append(System.lineSeparator());
    if (d.neighboursTruncated()) {
      out.append("(more neighbours than listed)").append(System.lineSeparator());
    }
    return out.toString();
  }

  private static String join(List<?> values) {
    return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }
}
