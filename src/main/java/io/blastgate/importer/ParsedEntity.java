package io.blastgate.importer;

import io.blastgate.model.Label;
import io.blastgate.model.file.GraphModel;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One entity as read from the input: its id and kind (null when invalid; the problem is reported),
 * the properties to set (only those present, timestamps already in UTC) and the references it makes.
 */
record ParsedEntity(
    Label label, long position, String id, String kind, Map<String, Object> props, List<Ref> refs) {

  ParsedEntity {
    props = Collections.unmodifiableMap(props);
    refs = List.copyOf(refs);
  }

  /** One reference: field {@code rel}, item {@code item} (-1 for a single-valued field). */
  record Ref(GraphModel.Relationship rel, String target, int item) {}

  boolean valid() {
    return id != null && kind != null;
  }
}
