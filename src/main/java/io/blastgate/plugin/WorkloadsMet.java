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

  /** A node met in the walk: its workload properties (null if no Workload), its depth (-1: not reached). */
  static final class Met {
    final Object[] props;
    int depth = -1;

    Met(Object[] props) {
      this.props = props;
    }

    /** A workload that can be impacted, and so traversed: not decommissioned. */
    boolean active() {
      return props != null && BlastRadiusRules.canBeImpacted(props[StoreReads.STATUS]);
    }
  }
}
