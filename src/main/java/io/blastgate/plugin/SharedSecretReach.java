package io.blastgate.plugin;

import static io.blastgate.plugin.CoreApiReads.nameOf;
import static io.blastgate.plugin.CoreApiReads.neighbours;

import io.blastgate.model.Traversal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Node;

/**
 * The shared-secret reach of credentials ({@link Traversal#SHARED_SECRET_REACH}), read through the core
 * API: for each, sorted by id, its consumers (the workloads that use it, decommissioned ones excepted),
 * the teams of their owners and the environments they run in. Owners are numbered by the answer's
 * {@link CompactRows}, so that each owner's teams are read once.
 */
// Node.getId(): see BlastRadiusWalk.
@SuppressWarnings({"deprecation", "removal"})
final class SharedSecretReach {
  private final WorkloadsMet workloads;
  private final CompactRows owners;

  SharedSecretReach(WorkloadsMet workloads, CompactRows owners) {
    this.workloads = workloads;
    this.owners = owners;
  }

  /** The reach of each credential, sorted by credential id. */
  List<Map<String, Object>> of(List<Node> credentials) {
    List<Map<String, Object>> reach = new ArrayList<>();
    credentials.stream()
        .sorted(Comparator.comparing(c -> (String) c.getProperty("id")))
        .forEach(c -> reach.add(of(c)));
    return reach;
  }

  private Map<String, Object> of(Node c) {
    Map<String, Object> p = c.getProperties("id", "name", "kind");
    Map<Long, Node> consumers = new LinkedHashMap<>();
    DirectImpact.activeWorkloadsUsing(c, consumers, workloads, Schema.USES);
    TreeSet<String> ids = new TreeSet<>();
    TreeSet<String> teams = new TreeSet<>();
    TreeSet<String> environments = new TreeSet<>();
    for (Node w : consumers.values()) {
      Object[] wp = workloads.props(w.getId());
      ids.add((String) wp[StoreReads.ID]);
      if (wp[StoreReads.ENVIRONMENT] instanceof String env) {
        environments.add(env);
      }
      for (Node o : neighbours(w, Direction.INCOMING, Schema.OWNER, Schema.OWNS)) {
        int number = owners.owner(o.getId());
        if (number != CompactRows.NOT_AN_OWNER) {
          teams.addAll(owners.teams(number));
        }
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", p.get("id"));
    out.put("name", nameOf(p));
    out.put("kind", p.get("kind"));
    out.put("consumers", new ArrayList<>(ids));
    out.put("teams", new ArrayList<>(teams));
    out.put("environments", new ArrayList<>(environments));
    return out;
  }
}
