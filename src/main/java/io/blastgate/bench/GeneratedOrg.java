package io.blastgate.bench;

import io.blastgate.model.Label;
import io.blastgate.model.RelType;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A synthetic organisation written to disk: where its bundle and its targets file are, what it holds,
 * and the blast-radius targets a benchmark should use.
 *
 * @param typicalTargets ids drawn uniformly among identities, credentials and workloads
 * @param mostSharedTargets the credentials with the most consumers, the most-shared first
 * @param mostSharedConsumers how many workloads use each of {@code mostSharedTargets}, in order
 */
public record GeneratedOrg(
    OrgSpec spec,
    Path bundle,
    Path targetsFile,
    long bytes,
    Map<Label, Long> entities,
    Map<RelType, Long> relationships,
    List<String> typicalTargets,
    List<String> mostSharedTargets,
    List<Integer> mostSharedConsumers) {

  public GeneratedOrg {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(bundle, "bundle");
    Objects.requireNonNull(targetsFile, "targetsFile");
    entities = unmodifiable(new EnumMap<>(entities));
    relationships = unmodifiable(new EnumMap<>(relationships));
    typicalTargets = List.copyOf(typicalTargets);
    mostSharedTargets = List.copyOf(mostSharedTargets);
    mostSharedConsumers = List.copyOf(mostSharedConsumers);
    if (mostSharedConsumers.size() != mostSharedTargets.size()) {
      throw new IllegalArgumentException("one consumer count per most-shared target");
    }
  }

  public long entityCount() {
    return entities.values().stream().mapToLong(Long::longValue).sum();
  }

  public long relationshipCount() {
    return relationships.values().stream().mapToLong(Long::longValue).sum();
  }

  /** An unmodifiable view that keeps the enum's order, for reports people read. */
  private static <K extends Enum<K>> Map<K, Long> unmodifiable(EnumMap<K, Long> map) {
    return java.util.Collections.unmodifiableMap(map);
  }
}
