package io.blastgate.importer;

import io.blastgate.graph.Graph;
import io.blastgate.graph.Row;
import io.blastgate.importer.input.SourceInput;
import io.blastgate.model.Label;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes a run's change visible whole: either in one transaction (the writes, the source's record and
 * the publication count together), or in parts under an {@link ImportJournal}, published by the
 * transaction that closes the journal. In both, the last transaction records the source and bumps the
 * publication count that readers check ({@code graph.PublishedReads}).
 */
final class Publisher {
  private final Graph graph;
  private final ImportSettings settings;
  private final RunIdentity run;

  Publisher(Graph graph, ImportSettings settings, RunIdentity run) {
    this.graph = graph;
    this.settings = settings;
    this.run = run;
  }

  Counts inOneTransaction(GraphWriter writer, SourceInput input, GraphWriter.Expected expected, ChangePlan plan) {
    return graph.writeTx("import " + run.source(), settings.txTimeout(), tx -> {
      WriteTally[] tally = {WriteTally.NONE};
      writer.write(input, expected, new GraphWriter.Sink() {
        @Override
        public void accept(ImporterQuery query, List<Map<String, Object>> rows) {
          tally[0] = tally[0].plus(runBatch(tx, query, rows));
        }

        @Override
        public void barrier() {}
      }, ids -> stated(tx, ids));
      Counts counts = counts(expected, plan.unchanged(), plan.changedEntities(), tally[0]);
      publish(tx, counts, null);
      return counts;
    });
  }

  Counts inParts(GraphWriter writer, SourceInput input, GraphWriter.Expected expected, ImportJournal journal,
      boolean recovering) {
    try (PartCommitter parts = new PartCommitter(graph, settings, run.source(), this::runBatch, journal::tally)) {
      writer.write(input, expected, new GraphWriter.Sink() {
        @Override
        public void accept(ImporterQuery query, List<Map<String, Object>> rows) {
          parts.add(query, rows);
        }

        @Override
        public void barrier() {
          parts.drain();
        }
      }, ids -> graph.readAnyState("relationships stated by " + run.source(), tx -> stated(tx, ids)));
    }
    return graph.writeTx("publish " + run.source(), settings.txTimeout(), tx -> {
      Map<String, Object> done = journal.close(tx);
      WriteTally tally = new WriteTally(0, number(done, "written_relationships"), number(done, "removed_nodes"),
          number(done, "removed_relationships"));
      Counts counts = counts(expected, number(done, "unchanged"), number(done, "written_entities"), tally);
      publish(tx, counts, recovering ? "forward" : null);
      return counts;
    });
  }

  /** The source's record and the publication count, in the transaction that makes the run visible. */
  private void publish(Graph.Tx tx, Counts counts, String recovered) {
    Map<String, Object> params = new HashMap<>(run.provenance());
    params.put("counts", asMap(counts));
    params.put("recovered", recovered);
    tx.run(ImporterQuery.RECORD_SOURCE, params).consume();
    tx.run(ImporterQuery.PUBLISH, Map.of("run", run.id())).consume();
  }

  /** Runs one batch and insists that every row was written: a short count means the graph moved. */
  private WriteTally runBatch(Graph.Tx tx, ImporterQuery query, List<Map<String, Object>> rows) {
    Map<String, Object> params = new HashMap<>(run.provenance());
    params.put("rows", rows);
    Row answer = tx.run(query, params).single();
    if (query == ImporterQuery.RETRACT_NODES) {
      return new WriteTally(0, 0, answer.number("deleted"), answer.number("detached"));
    }
    if (query == ImporterQuery.RETRACT_RELATIONSHIPS) {
      return new WriteTally(0, 0, 0, answer.number("deleted"));
    }
    long written = answer.number("written");
    if (written != rows.size()) {
      throw new IllegalStateException(query.queryName() + " wrote " + written + " of " + rows.size()
          + " rows: an entity changed label or vanished during the import; nothing of it is published");
    }
    return query.writesNodes() ? new WriteTally(written, 0, 0, 0) : new WriteTally(0, written, 0, 0);
  }

  private Map<String, Set<String>> stated(Graph.Tx tx, List<String> ids) {
    Map<String, Set<String>> stated = new HashMap<>();
    tx.run(ImporterQuery.STATED_RELATIONSHIPS, Map.of("source", run.source(), "ids", ids)).forEachRemaining(r ->
        stated.computeIfAbsent(r.text("from"), k -> new HashSet<>()).add(GraphWriter.key(r.text("type"), r.text("to"))));
    return stated;
  }

  private static Counts counts(GraphWriter.Expected expected, long unchanged, long writtenEntities, WriteTally tally) {
    Map<Label, Long> e = expected.entities();
    return new Counts(e.getOrDefault(Label.IDENTITY, 0L), e.getOrDefault(Label.CREDENTIAL, 0L),
        e.getOrDefault(Label.WORKLOAD, 0L), e.getOrDefault(Label.OWNER, 0L), expected.relationships(),
        unchanged, writtenEntities, tally.relationships(), tally.removedNodes(), tally.removedRelationships());
  }

  private static long number(Map<String, Object> map, String key) {
    return ((Number) map.getOrDefault(key, 0L)).longValue();
  }

  static Map<String, Object> asMap(Counts c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("identities", c.identities());
    m.put("credentials", c.credentials());
    m.put("workloads", c.workloads());
    m.put("owners", c.owners());
    m.put("relationships", c.relationships());
    m.put("unchanged", c.unchanged());
    m.put("written_entities", c.writtenEntities());
    m.put("written_relationships", c.writtenRelationships());
    m.put("removed_nodes", c.removedNodes());
    m.put("removed_relationships", c.removedRelationships());
    return m;
  }
}
