package io.blastgate.importer.input;

import io.blastgate.model.Label;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * How one input names a place: a JSON pointer into a bundle, or {@code file:line:column} into a CSV
 * folder, or whatever a new format's reader needs. A place is rebuilt from compact facts (label,
 * position, field, item), so that a reference resolved at the end of a pass still points where it was
 * written, and the importer keeps no string per entity.
 */
public interface Locations {
  /** {@code field} null: the entity itself; {@code item} negative: the field as a whole. */
  String of(Label label, long position, String field, int item);

  /** Where an entity stands in the input, for listing problems in reading order. */
  long order(Label label, long position);

  /** Positions are indexes into each section's array. */
  final class Json implements Locations {
    private final Map<Label, Integer> sectionOrder = new EnumMap<>(Label.class);

    void sectionSeen(Label label) {
      sectionOrder.putIfAbsent(label, sectionOrder.size());
    }

    @Override
    public String of(Label label, long position, String field, int item) {
      StringBuilder pointer = new StringBuilder("/").append(label.section()).append('/').append(position);
      if (field != null) {
        pointer.append('/').append(escape(field));
        if (item >= 0) {
          pointer.append('/').append(item);
        }
      }
      return pointer.toString();
    }

    @Override
    public long order(Label label, long position) {
      return Problems.order(sectionOrder.getOrDefault(label, 0), position);
    }

    /** RFC 6901: '~' and '/' inside a member name. */
    static String escape(String name) {
      return name.replace("~", "~0").replace("/", "~1");
    }
  }

  /** Positions are line numbers (the header is line 1); columns come from each file's header. */
  final class Csv implements Locations {
    private final Map<Label, Map<String, Integer>> columns = new EnumMap<>(Label.class);

    void header(Label label, Map<String, Integer> columnsByField) {
      columns.put(label, new HashMap<>(columnsByField));
    }

    static String file(Label label) {
      return label.section() + ".csv";
    }

    @Override
    public String of(Label label, long position, String field, int item) {
      Map<String, Integer> byField = columns.getOrDefault(label, Map.of());
      int column = byField.getOrDefault(field == null ? "id" : field, 1);
      return file(label) + ":" + position + ":" + column;
    }

    @Override
    public long order(Label label, long position) {
      return Problems.order(label.ordinal(), position);
    }
  }
}
