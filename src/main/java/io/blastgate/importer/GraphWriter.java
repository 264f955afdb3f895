package io.blastgate.importer;

import io.blastgate.error.BlastgateException.Conflict;
import io.blastgate.graph.Graph;
import io.blastgate.importer.input.Problems;
import io.blastgate.importer.input.SourceInput;
import io.blastgate.model.Label;
import io.blastgate.model.RelType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second pass: streams a validated input again and writes it in {@code UNWIND} batches, nodes
 * first (one stream), then relationships (another stream, so that every end exists), then the sync
 * that retracts what this source no longer asserts, then the source's record. By default all of it
 * is one transaction; with {@code commitEvery} the batches commit in groups ({@code writers} of them
 * at once, all of a phase before the next phase: {@link PartCommitter}) and only the sync and the
 * record share the last transaction.
 */
final class GraphWriter {
  private static final Logger LOG = LoggerFactory.getLogger(GraphWriter.class);

  /** The figures the first pass found, which the second must meet (else the input changed). */
  record Expected(Map<Label, Long> entities, long relationships) {
    long totalEntities() {
      return entities.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private final Graph graph;
  private final ImportSettings settings;
  private final EntityReader reader;
  private final ImportProgress progress;
  private final Map<String, Object> provenance;
  private final String source;
  /** Whether an id is one the graph did not hold when the import looked (see BundleIndex#isNew). */
  private final Predicate<String> isNew;

  GraphWriter(Graph graph, ImportSettings settings, EntityReader reader, ImportProgress progress,
      String source, String runId, OffsetDateTime now, Predicate<String> isNew) {
    this.graph = graph;
    this.settings = settings;
    this.reader = reader;
    this.progress = progress;
    this.source = source;
    this.provenance = Map.of("source", source, "source_run", source + "@" + runId, "run", runId, "now", now);
    this.isNew = isNew;
  }

  Counts write(SourceInput input, Expected expected) {
    try {
      return write(input, expected, isNew);
    } catch (Conflict e) {
      // Another import created an id of this bundle between this one's look-up and its write. What
      // this attempt wrote was rolled back (one transaction) or is written again the same (parts):
      // write everything again, merging with what is there.
      LOG.info("import of source {} found an entity created meanwhile by another writer; writing again, merging", source);
      return write(input, expected, id -> false);
    }
  }

  private Counts write(SourceInput input, Expected expected, Predicate<String> isNew) {
    Counts counts = writeAndSync(input, expected, isNew);
    progress.phase("search index", -1);
    try {
      graph.awaitSearchIndex();
    } catch (RuntimeException e) {
      // The import is committed and stays so; only search may lag behind it for a moment.
      LOG.warn("import of source {} is written, but waiting for the search index failed: {}", source, e.toString());
    }
    return counts;
  }

  private Counts writeAndSync(SourceInput input, Expected expected, Predicate<String> isNew) {
    if (settings.atomic()) {
      return graph.writeTx("import " + source, settings.txTimeout(), tx -> {
        Batches batches = new Batches((query, rows) -> run(tx, query, rows), () -> {});
        Written written = writeAll(input, batches, expected, isNew);
        return sync(tx, written);
      });
    }
    Written written;
    try (PartCommitter parts = new PartCommitter(graph, settings, source, this::run)) {
      written = writeAll(input, new Batches(parts::add, parts::drain), expected, isNew);
    }
    return graph.writeTx("sync " + source, settings.txTimeout(), tx -> sync(tx, written));
  }

  private record Written(Map<Label, Long> entities, long relationships) {}

  /**
   * Nodes, then relationships. A node {@code isNew} says the graph did not hold is created without a
   * look-up, and so is a relationship with such an end: it cannot exist yet (a bundle states each
   * relationship once). The rest are merged with what is there.
   */
  private Written writeAll(SourceInput input, Batches batches, Expected expected, Predicate<String> isNew) {
    Map<Label, Long> entities = new EnumMap<>(Label.class);
    progress.phase("write nodes", expected.totalEntities());
    stream(input, entity -> {
      Map<String, Object> row = new HashMap<>();
      row.put("id", entity.id());
      row.put("props", entity.props());
      batches.add(isNew.test(entity.id())
          ? ImporterQuery.createNodes(entity.label())
          : ImporterQuery.mergeNodes(entity.label()), row);
      entities.merge(entity.label(), 1L, Long::sum);
    });
    batches.flush();
    for (Label label : Label.values()) {
      if (!entities.getOrDefault(label, 0L).equals(expected.entities().getOrDefault(label, 0L))) {
        throw new IllegalStateException("the input changed between validating and writing it");
      }
    }
    progress.phase("write relationships", expected.relationships());
    long[] relationships = {0};
    stream(input, entity -> {
      for (ParsedEntity.Ref ref : entity.refs()) {
        batches.add(isNew.test(entity.id()) || isNew.test(ref.target())
            ? ImporterQuery.createRelationships(ref.rel().type())
            : ImporterQuery.mergeRelationships(ref.rel().type()), Map.of("from", entity.id(), "to", ref.target()));
        relationships[0]++;
      }
    });
    batches.flush();
    if (relationships[0] != expected.relationships()) {
      throw new IllegalStateException("the input changed between validating and writing it");
    }
    return new Written(entities, relationships[0]);
  }

  /** Reads the input again; any problem now means it changed since it was validated. */
  private void stream(SourceInput input, Consumer<ParsedEntity> each) {
    Problems problems = new Problems(1);
    try {
      input.read((label, position, fields) -> {
        ParsedEntity entity = reader.read(label, position, fields, input.locations(), problems);
        if (entity == null || !entity.valid() || problems.hasErrors()) {
          throw new IllegalStateException("the input changed between validating and writing it");
        }
        each.accept(entity);
      }, problems);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (problems.hasErrors()) {
      throw new IllegalStateException("the input changed between validating and writing it");
    }
  }

  private Counts sync(Graph.Tx tx, Written written) {
    progress.phase("sync", -1);
    var rels = tx.run(ImporterQuery.RETRACT_STALE_RELATIONSHIPS, provenance).single();
    var nodes = tx.run(ImporterQuery.RETRACT_STALE_NODES, provenance).single();
    Counts counts = new Counts(
        written.entities().getOrDefault(Label.IDENTITY, 0L),
        written.entities().getOrDefault(Label.CREDENTIAL, 0L),
        written.entities().getOrDefault(Label.WORKLOAD, 0L),
        written.entities().getOrDefault(Label.OWNER, 0L),
        written.relationships(),
        nodes.number("deleted"),
        rels.number("deleted") + nodes.number("detached"));
    Map<String, Object> params = new HashMap<>(provenance);
    params.put("counts", asMap(counts));
    tx.run(ImporterQuery.RECORD_SOURCE, params).consume();
    return counts;
  }

  static Map<String, Object> asMap(Counts c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("identities", c.identities());
    m.put("credentials", c.credentials());
    m.put("workloads", c.workloads());
    m.put("owners", c.owners());
    m.put("relationships", c.relationships());
    m.put("removed_nodes", c.removedNodes());
    m.put("removed_relationships", c.removedRelationships());
    return m;
  }

  /** Runs one batch and insists that every row was written: a short count means the graph moved. */
  private void run(Graph.Tx tx, ImporterQuery query, List<Map<String, Object>> rows) {
    Map<String, Object> params = new HashMap<>(provenance);
    params.put("rows", rows);
    long written = tx.run(query, params).single().number("written");
    if (written != rows.size()) {
      throw new IllegalStateException(query.queryName() + " wrote " + written + " of " + rows.size()
          + " rows: an entity changed label or vanished during the import; "
          + (settings.atomic()
              ? "nothing was kept"
              : "the parts already committed stay, and nothing was removed: import it again"));
    }
  }

  /** Where full batches go: straight into the open transaction, or to the next commit group. */
  @FunctionalInterface
  private interface Sink {
    void accept(ImporterQuery query, List<Map<String, Object>> rows);
  }

  /** One growing batch per statement; a full one goes to the sink, and progress moves by its rows. */
  private final class Batches {
    private final Map<ImporterQuery, List<Map<String, Object>>> open = new LinkedHashMap<>();
    private final Sink sink;
    private final Runnable barrier;

    Batches(Sink sink, Runnable barrier) {
      this.sink = sink;
      this.barrier = barrier;
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
      barrier.run();
    }

    private void send(ImporterQuery query, List<Map<String, Object>> batch) {
      sink.accept(query, batch);
      progress.advance(batch.size());
    }
  }
}
