package io.blastgate.plugin;

import static io.blastgate.plugin.CoreApiReads.nameOf;

import io.blastgate.model.Traversal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.NoSuchElementException;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;
import org.neo4j.procedure.TerminationGuard;

/**
 * One answer's walk: from the {@link DirectImpact directly impacted} workloads, breadth-first up
 * {@link Traversal#DEPENDANTS} through the store, a row of up to {@link CompactRows#BATCH} impacted
 * workloads per step, each with its owners ({@link Traversal#OWNERSHIP}); then a last row with the rest
 * of the answer. Nodes are keyed by their internal id, valid within this transaction.
 */
// Entity.getId() is deprecated for removal: it is the kernel's own reference, which StoreReads walks
// with, and the plugin is built and tested against the one Neo4j version pom.xml pins. When it goes,
// the few core-API nodes here (the target, its direct workloads, identities) move to StoreReads.
@SuppressWarnings({"deprecation", "removal"})
final class BlastRadiusWalk implements Iterator<BlastRadiusProcedure.Row> {
  private final int maxHops;
  private final StoreReads store;
  private final Transaction tx;
  private final TerminationGuard guard;
  private final WorkloadsMet workloads;
  private final CompactRows rows;
  private final Map<String, Object> answer = new LinkedHashMap<>();
  /** The import sources that assert the target or a credential of its shared-secret reach. */
  private final Set<String> asserting = new TreeSet<>();
  /** Null for a target whose answer is the target alone (an Owner, or no model label). */
  private DirectImpact start;
  private boolean truncated;
  private List<Long> level = null;
  private List<Long> nextLevel = new ArrayList<>();
  private int index;
  private int depth;
  private boolean finished;
  private BlastRadiusProcedure.Row pending;

  BlastRadiusWalk(
      Node target, int maxHops, StoreReads store, Transaction tx, TerminationGuard guard) {
    this.maxHops = maxHops;
    this.store = store;
    this.tx = tx;
    this.guard = guard;
    this.workloads = new WorkloadsMet(store);
    this.rows = new CompactRows(store);
    String label = Schema.targetLabel(target);
    Map<String, Object> props = target.getProperties("id", "name", "kind", "sources");
    CoreApiReads.addSources(props.get("sources"), asserting);
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("id", props.get("id"));
    t.put("label", label);
    t.put("kind", props.get("kind"));
    t.put("name", nameOf(props));
    answer.put("target", t);
    if (label == null || label.equals(Schema.OWNER.name())) {
      return;
    }
    start = new DirectImpact(target, label, maxHops, workloads, guard);
    truncated = start.truncated();
    Collection<Node> direct = start.workloads();
    answer.put("dependents", start.dependents());
    answer.put("via_credentials", start.viaCredentials());
    answer.put("direct", (long) direct.size());
    level = new ArrayList<>(direct.size());
    for (Node n : direct) {
      level.add(n.getId());
      workloads.get(n.getId()).depth = 0;
    }
  }

  @Override
  public boolean hasNext() {
    if (pending == null && !finished) {
      pending = advance();
    }
    return pending != null;
  }

  @Override
  public BlastRadiusProcedure.Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    BlastRadiusProcedure.Row row = pending;
    pending = null;
    return row;
  }

  /**
   * The next batch of impacted workloads: expanding each finds both its dependants (the next level,
   * or, at the bound, whether anything lay beyond) and its owners. Then the last row.
   */
  private BlastRadiusProcedure.Row advance() {
    while (level != null && !rows.full()) {
      if (index < level.size()) {
        long w = level.get(index++);
        StoreReads.Expansion found = store.expand(w);
        List<Integer> owned = new ArrayList<>(found.owners().size());
        for (long o : found.owners()) {
          int number = rows.owner(o);
          if (number != CompactRows.NOT_AN_OWNER && !owned.contains(number)) {
            owned.add(number);
          }
        }
        WorkloadsMet.Met self = workloads.get(w);
        for (long u : found.dependants()) {
          WorkloadsMet.Met dependant = workloads.get(u);
          if (!dependant.active()) {
            continue;
          }
          if (dependant.depth == depth + 1) {
            dependant.offerParent(self.id(), self.length); // another of the level before
          } else if (dependant.depth >= 0) {
            continue;
          } else if (depth < maxHops) {
            dependant.depth = depth + 1;
            dependant.offerParent(self.id(), self.length);
            nextLevel.add(u);
          } else {
            truncated = true;
          }
        }
        rows.add(self.props, depth, owned, self.parent);
        continue;
      }
      guard.check();
      if (nextLevel.isEmpty()) {
        level = null;
      } else {
        level = nextLevel;
        nextLevel = new ArrayList<>();
        index = 0;
        depth++;
      }
    }
    if (!rows.isEmpty()) {
      return rows.take();
    }
    finished = true;
    store.close();
    if (start != null) {
      answer.put("truncated", truncated);
      answer.put("shared_secrets", new SharedSecretReach(workloads, rows).of(start.credentials()));
      asserting.addAll(start.sources());
      asserting.addAll(rows.sources());
      for (Node c : start.credentials()) {
        CoreApiReads.addSources(c.getProperty("sources", null), asserting);
      }
      answer.put("sources", sources());
    }
    return BlastRadiusProcedure.Row.last(answer);
  }

  private List<Map<String, Object>> sources() {
    List<Map<String, Object>> out = new ArrayList<>();
    try (var found = tx.findNodes(Schema.SOURCE)) {
      found.forEachRemaining(
          s -> {
            Map<String, Object> p = s.getProperties("name", "last_synced");
            if (!asserting.contains(p.get("name"))) {
              return;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", p.get("name"));
            m.put("last_synced", p.get("last_synced"));
            out.add(m);
          });
    }
    out.sort(Comparator.comparing(m -> (String) m.get("source")));
    return out;
  }
}
