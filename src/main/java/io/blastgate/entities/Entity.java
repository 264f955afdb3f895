package io.blastgate.entities;

import io.blastgate.model.Label;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One entity with the properties its label declares in the graph model (a property the sources did not
 * give is present with a null value) and its provenance. Values are strings, lists of strings or
 * instants (UTC).
 */
public record Entity(
    String id,
    Label label,
    String kind,
    String name,
    Map<String, Object> properties,
    List<String> sources,
    Instant firstSeen,
    Instant lastSeen,
    Instant lastChanged) {

  public Entity {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(lastSeen, "lastSeen");
    Objects.requireNonNull(lastChanged, "lastChanged");
    // Map.copyOf refuses null values, and a null value means "declared but not given" here.
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    sources = List.copyOf(sources);
  }
}
