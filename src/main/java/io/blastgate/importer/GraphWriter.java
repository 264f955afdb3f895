package io.blastgate.importer;

import io.blastgate.importer.input.SourceInput;
import io.blastgate.model.Label;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The second pass: streams a validated input again and writes what the {@link ChangePlan} found
 * changed, in {@code UNWIND} batches: nodes first (one stream), then relationships (another stream, so
 * that every end exists; an entity the source stated before has its relationships compared with what
 * the graph holds, and only the difference is written), then the retraction of what the source no
 * longer asserts. Where the batches go (one transaction, or parts under a journal) is the caller's:
 * {@link ImportRun}.
 */
final class GraphWriter {

  /** The figures the first pass found, which the second must meet (else the input changed). */
  record Expected(Map<Label, Long> entities, long relationships) {
    long totalEntities() {
      return entities.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** Where full batches go: into the open transaction, or to the next part. */
  interface Sink {
    void accept(ImporterQuery query, List<Map<String, Object>> rows);

    /** Returns once everything accepted so far is written (parts: committed). */
    void barrier();
  }

  /** Reads, for the given ids, the relationships the source states from them, as "TYPE>to" keys. */
  @FunctionalInterface
  interface StatedReader {
    Map<String, Set<String>> read(List<String> ids);
  }

  private final ImportSettings settings;
  private final EntityReader reader;
  private final ImportProgress progress;
  private final BundleIndex index;
  private final ChangePlan plan;
  /** Whether every entity is written, changed or not (a full rewrite). */
  private final boolean everything;

  GraphWriter(ImportSettings settings, EntityReader reader, ImportProgress progress, BundleIndex index,
      ChangePlan plan) {
    this.settings = settings;
    this.reader = reader;
    this.progress = progress;
    this.index = index;
    this.plan = plan;
    this.everything = !settings.incremental();
  }

  /** Writes the change into the sink; the counts written are the caller's to keep ({@link WriteTally}). */
  void write(SourceInput input, Expected expected, Sink sink, StatedReader stated) {
    Batches batches = new Batches(sink);
    writeNodes(input, expected, batches);
    writeRelationships(input, expected, batches, stated);
    retractRemoved(batches, stated);
  }

  private boolean writes(ParsedEntity entity) {
    return everything || index.before(entity.id()) != BundleIndex.Before.THE_SAME;
  }

  private void writeNodes(SourceInput input, Expected expected, Batches batches) {
    Map<Label, Long> entities = new EnumMap<>(Label.class);
    progress.phase("write nodes", everything ? expected.totalEntities() : plan.changedEntities());
    SecondPass.read(input, reader, entity -> {
      entities.merge(entity.label(), 1L, Long::sum);
      if (!writes(entity)) {
        return;
      }
      Map<String, Object> row = new HashMap<>();
      row.put("id", entity.id());
      row.put("props", entity.props());
      row.put("digest", ContentHash.of(entity));
      batches.add(index.isNew(entity.id())
          ? ImporterQuery.createNodes(entity.label())
          : ImporterQuery.mergeNodes(entity.label()), row);
    });
    batches.flush();
    for (Label label : Label.values()) {
      if (!entities.getOrDefault(label, 0L).equals(expected.entities().getOrDefault(label, 0L))) {
        throw SecondPass.changed();
      }
    }
  }

  /**
   * An entity new to the source states all its relationships anew; one the source stated before
   * (changed, or any in a full rewrite) is compared, a batch at a time, with what the graph holds.
   */
  private void writeRelationships(SourceInput input, Expected expected, Batches batches, StatedReader stated) {
    progress.phase("write relationships", everything ? expected.relationships() : plan.changedRelationships());
    long[] relationships = {0};
    List<ParsedEntity> compare = new ArrayList<>();
    SecondPass.read(input, reader, entity -> {
      relationships[0] += entity.refs().size();
      if (!writes(entity)) {
        return;
      }
      if (index.before(entity.id()) == BundleIndex.Before.NOTHING) {
        entity.refs().forEach(ref -> add(batches, entity.id(), ref));
        return;
      }
      compare.add(entity);
      if (compare.size() >= settings.batchSize()) {
        writeDifference(compare, batches, stated);
        compare.clear();
      }
    });
    writeDifference(compare, batches, stated);
    batches.flush();
    if (relationships[0] != expected.relationships()) {
      throw SecondPass.changed();
    }
  }

  private void writeDifference(List<ParsedEntity> entities, Batches batches, StatedReader stated) {
    if (entities.isEmpty()) {
      return;
    }
    Map<String, Set<String>> before = stated.read(entities.stream().map(ParsedEntity::id).toList());
    for (ParsedEntity entity : entities) {
      Set<String> had = before.getOrDefault(entity.id(), Set.of());
      Set<String> has = new java.util.HashSet<>();
      for (ParsedEntity.Ref ref : entity.refs()) {
        String key = key(ref.rel().type().name(), ref.target());
        has.add(key);
        if (!had.contains(key)) {
          add(batches, entity.id(), ref);
        }
      }
      for (String key : had) {
        if (!has.contains(key)) {
          batches.add(ImporterQuery.RETRACT_RELATIONSHIPS, retraction(entity.id(), key));
        }
      }
    }
  }

  private void add(Batches batches, String from, ParsedEntity.Ref ref) {
    batches.add(index.isNew(from) || index.isNew(ref.target())
        ? ImporterQuery.createRelationships(ref.rel().type())
        : ImporterQuery.mergeRelationships(ref.rel().type()), Map.of("from", from, "to", ref.target()));
  }

  /** What the source asserted before and no longer does: the relationships it stated from it, then it. */
  private void retractRemoved(Batches batches, StatedReader stated) {
    progress.phase("retract", plan.removed().size());
    List<String> removed = plan.removed();
    for (int from = 0; from < removed.size(); from += settings.batchSize()) {
      List<String> ids = removed.subList(from, Math.min(removed.size(), from + settings.batchSize()));
      stated.read(ids).forEach((id, keys) -> keys.forEach(
          key -> batches.add(ImporterQuery.RETRACT_RELATIONSHIPS, retraction(id, key))));
    }
    batches.flush();
    for (String id : removed) {
      batches.add(ImporterQuery.RETRACT_NODES, Map.of("id", id));
    }
    batches.flush();
  }

  static String key(String type, String to) {
    return type + ">" + to;
  }

  private static Map<String, Object> retraction(String from, String key) {
    int at = key.indexOf('>');
    return Map.of("from", from, "type", key.substring(0, at), "to", key.substring(at + 1));
  }

  /** One growing batch per statement; a full one goes to the sink, and progress moves by its rows. */
  private final class Batches {
    private final Map<ImporterQuery, List<Map<String, Object>>> open = new java.util.LinkedHashMap<>();
    private final Sink sink;

    Batches(Sink sink) {
      this.sink = sink;
    }

    void add(ImporterQuery query, Map<String, Object> row) {
      List<Map<String, Object>> batch = open.computeIfAbsent(query, q -> new ArrayList<>());
      batch.add(row);
      if (batch.size() >= settings.batchSize()) {
        open.remove(query);
        send(query, batch);
      }
    }

    /** Sends what is left, and returns once all of it is written. */
    void flush() {
      open.forEach(this::send);
      open.clear();
      sink.barrier();
    }

    private void send(ImporterQuery query, List<Map<String, Object>> batch) {
      sink.accept(query, batch);
      progress.advance(batch.size());
    }
  }
}
