package io.blastgate.plugin;

import io.blastgate.model.BlastRadiusRules;
import java.util.HashMap;
import java.util.Map;
import org.neo4j.graphdb.Node;

/**
 * Every node one answer meets as a workload, by its internal id (valid within the transaction): its
 * properties, read once, and its depth once the walk reaches it.
 */
final class WorkloadsMet {
  private final Map<Long, Met> met = new HashMap<>();
  private final StoreReads store;

  WorkloadsMet(StoreReads store) {
    this.store = store;
  }

  /** A node met as a workload: its properties read on first meeting (null if it is no Workload). */
  Met get(long ref) {
    Met m = met.get(ref);
    if (m == null) {
      m = new Met(store.workload(ref));
      met.put(ref, m);
    }
    return m;
  }

  /** A workload's properties, at {@link StoreReads#ID}, {@link StoreReads#NAME}… */
  Object[] props(long ref) {
    return get(ref).props;
  }

  // Node.getId(): see BlastRadiusWalk.
  @SuppressWarnings({"deprecation", "removal"})
  boolean isActive(Node w) {
    return get(w.getId()).active();
  }

  /**
   * A node met in the walk: its workload properties (null if no Workload), its depth (-1: not reached),
   * and once reached the parent of its via ("" for none: the target itself) and that via's length.
   */
  static final class Met {
    final Object[] props;
    int depth = -1;
    String parent = "";
    int length;

    Met(Object[] props) {
      this.props = props;
    }

    /** A workload that can be impacted, and so traversed: not decommissioned. */
    boolean active() {
      return props != null && BlastRadiusRules.canBeImpacted(props[StoreReads.STATUS]);
    }

    String id() {
      return (String) props[StoreReads.ID];
    }

    /**
     * Takes a parent of the via if it is the first, or better than the one it has: a shorter path from
     * the target, then a smaller id (graph-model/README.md, "Why it is impacted: via").
     */
    void offerParent(String candidate, int candidateLength) {
      int current = length - 1;
      if (parent.isEmpty()
          || candidateLength < current
          || candidateLength == current && candidate.compareTo(parent) < 0) {
        parent = candidate;
        length = candidateLength + 1;
      }
    }
  }
}
