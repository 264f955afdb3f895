package io.blastgate.importer;

import io.blastgate.graph.Graph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a run must write, found before anything is written: the source's last run left a digest of
 * what it stated on each entity it asserted ({@link ContentHash}); an entity of the bundle whose
 * digest is the same is not written again (nor are the relationships it states), one that is new or
 * differs is, and an entity the source asserted before but not in this bundle is retracted.
 *
 * <p>A full rewrite (a run that trusts no digest: {@link ImportSettings#incremental()} false, and
 * start-up finishing a run after a crash) writes every entity of the bundle; it leaves the graph
 * exactly as the incremental run does, since a write whose digest matches keeps the provenance it
 * finds.
 *
 * @param removed the ids the source asserted before and no longer does
 * @param unchanged entities of the bundle stated exactly as before
 * @param changedEntities entities to write (new to the source or stated otherwise)
 * @param changedRelationships the relationships those state (an upper bound of what is written)
 */
record ChangePlan(List<String> removed, long unchanged, long changedEntities, long changedRelationships) {

  /** Reads the source's digests and compares them with the bundle's, marking each id of the index. */
  static ChangePlan of(Graph graph, String source, BundleIndex index) {
    List<String> removed = new ArrayList<>();
    graph.readAnyState(ImporterQuery.SOURCE_DIGESTS, Map.of("source", source), rows -> {
      rows.forEachRemaining(row -> {
        String id = row.text("id");
        if (!index.compareWithBefore(id, row.textOrNull("digest"))) {
          removed.add(id);
        }
      });
      return null;
    });
    long[] changed = index.changedEntitiesAndRelationships();
    return new ChangePlan(List.copyOf(removed), index.size() - changed[0], changed[0], changed[1]);
  }

  /** The rows a run writes at most: entities and relationships stated anew, and the retractions. */
  long rows() {
    return changedEntities + changedRelationships + removed.size();
  }
}
