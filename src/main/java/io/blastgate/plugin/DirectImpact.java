package io.blastgate.plugin;

import static io.blastgate.plugin.CoreApiReads.nameOf;
import static io.blastgate.plugin.CoreApiReads.neighbours;

import io.blastgate.model.Traversal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.procedure.TerminationGuard;

/**
 * Where a blast radius starts, read through the core API (it is small). For an identity target: its
 * dependent identities, breadth-first over {@link Traversal#DEPENDENT_IDENTITIES}, and the workloads
 * that run as one of them or use a credential that authenticates as one ({@link
 * Traversal#DIRECT_WORKLOADS_OF_IDENTITY}); for a credential, the workloads that use it ({@link
 * Traversal#DIRECT_WORKLOADS_OF_CREDENTIAL}); for a workload, itself. Decommissioned workloads are
 * never impacted. Also the credentials whose shared-secret reach the answer reports.
 */
// Node.getId(): see BlastRadiusWalk.
@SuppressWarnings({"deprecation", "removal"})
final class DirectImpact {
  private final int maxHops;
  private final TerminationGuard guard;
  private final WorkloadsMet workloads;
  private boolean truncated;
  private List<Map<String, Object>> dependents = List.of();
  private Collection<Node> direct;
  private List<Node> credentials = List.of();

  /** The start of the walk from a target of this label (Identity, Credential or Workload). */
  DirectImpact(
      Node target, String label, int maxHops, WorkloadsMet workloads, TerminationGuard guard) {
    this.maxHops = maxHops;
    this.guard = guard;
    this.workloads = workloads;
    if (label.equals(Schema.CREDENTIAL.name())) {
      direct =
          activeWorkloadsUsing(
              target, new LinkedHashMap<>(), workloads, Schema.DIRECT_WORKLOADS_OF_CREDENTIAL);
      credentials = List.of(target);
    } else if (label.equals(Schema.IDENTITY.name())) {
      Map<Long, Node> identities = new LinkedHashMap<>();
      dependents = dependentIdentities(target, identities);
      direct = workloadsOfIdentities(identities.values());
      // The credentials of the identity itself: see Schema.AUTHENTICATES_AS.
      credentials =
          neighbours(target, Direction.INCOMING, Schema.CREDENTIAL, Schema.AUTHENTICATES_AS);
    } else {
      direct = workloads.isActive(target) ? List.of(target) : List.of();
    }
  }

  /** The dependent identities, each {id, name, kind, depth}, the target first at depth 0. */
  List<Map<String, Object>> dependents() {
    return dependents;
  }

  /** The directly impacted workloads, in the order met. */
  Collection<Node> workloads() {
    return direct;
  }

  /** The credentials whose shared-secret reach the answer reports. */
  List<Node> credentials() {
    return credentials;
  }

  /** Whether the bound cut the search for dependent identities. */
  boolean truncated() {
    return truncated;
  }

  /**
   * The active workloads that use a credential, added to {@code into} (by node id, first meeting
   * kept); {@code uses} are the types of the traversal the caller follows.
   */
  static Collection<Node> activeWorkloadsUsing(
      Node credential, Map<Long, Node> into, WorkloadsMet workloads, RelationshipType... uses) {
    for (Node w : neighbours(credential, Direction.INCOMING, Schema.WORKLOAD, uses)) {
      if (workloads.isActive(w)) {
        into.putIfAbsent(w.getId(), w);
      }
    }
    return into.values();
  }

  /** Breadth-first from {@code start}, exactly as the client's level-by-level search. */
  private Map<Long, Integer> search(Collection<Long> start, Function<Long, List<Long>> expand) {
    Map<Long, Integer> depths = new LinkedHashMap<>();
    start.forEach(n -> depths.putIfAbsent(n, 0));
    List<Long> frontier = new ArrayList<>(depths.keySet());
    int depth = 0;
    while (!frontier.isEmpty() && depth < maxHops) {
      guard.check();
      depth++;
      List<Long> next = new ArrayList<>();
      for (Long n : frontier) {
        for (Long m : expand.apply(n)) {
          if (depths.putIfAbsent(m, depth) == null) {
            next.add(m);
          }
        }
      }
      frontier = next;
    }
    for (Long n : frontier) {
      for (Long m : expand.apply(n)) {
        if (!depths.containsKey(m)) {
          truncated = true;
          return depths;
        }
      }
    }
    return depths;
  }

  private List<Map<String, Object>> dependentIdentities(Node target, Map<Long, Node> identities) {
    identities.put(target.getId(), target);
    Map<Long, Integer> depths =
        search(
            List.of(target.getId()),
            nodeId -> {
              List<Long> out = new ArrayList<>();
              for (Node x :
                  neighbours(
                      identities.get(nodeId),
                      Direction.INCOMING,
                      Schema.IDENTITY,
                      Schema.DEPENDENT_IDENTITIES)) {
                identities.putIfAbsent(x.getId(), x);
                out.add(x.getId());
              }
              return out;
            });
    List<Map<String, Object>> out = new ArrayList<>(depths.size());
    depths.forEach(
        (nodeId, depth) -> {
          Map<String, Object> p = identities.get(nodeId).getProperties("id", "name", "kind");
          Map<String, Object> d = new LinkedHashMap<>();
          d.put("id", p.get("id"));
          d.put("name", nameOf(p));
          d.put("kind", p.get("kind"));
          d.put("depth", (long) depth);
          out.add(d);
        });
    return out;
  }

  /** Workloads that run as one of the identities or use a credential authenticating as one. */
  private Collection<Node> workloadsOfIdentities(Collection<Node> identities) {
    Map<Long, Node> out = new LinkedHashMap<>();
    for (Node i : identities) {
      for (Node w : neighbours(i, Direction.INCOMING, Schema.WORKLOAD, Schema.RUNS_AS)) {
        if (workloads.isActive(w)) {
          out.putIfAbsent(w.getId(), w);
        }
      }
      for (Node c : neighbours(i, Direction.INCOMING, Schema.CREDENTIAL, Schema.AUTHENTICATES_AS)) {
        activeWorkloadsUsing(c, out, workloads, Schema.USES);
      }
    }
    return out.values();
  }
}
