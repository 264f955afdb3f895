package io.blastgate.plugin;

import static io.blastgate.plugin.CoreApiReads.addSources;
import static io.blastgate.plugin.CoreApiReads.nameOf;
import static io.blastgate.plugin.CoreApiReads.neighbours;

import io.blastgate.model.Traversal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
 * never impacted. Also the credentials whose shared-secret reach the answer reports, and the first
 * steps of each via (graph-model/README.md, "Why it is impacted: via"): each dependent identity's
 * parent, each direct workload's parent and via length (on its {@link WorkloadsMet.Met}), and the
 * credentials a via runs through.
 */
// Node.getId(): see BlastRadiusWalk.
@SuppressWarnings({"deprecation", "removal"})
final class DirectImpact {
  private final int maxHops;
  private final TerminationGuard guard;
  private final WorkloadsMet workloads;
  private boolean truncated;
  private List<Map<String, Object>> dependents = List.of();
  private List<Map<String, Object>> viaCredentials = List.of();
  /** The import sources that assert a dependent identity or a credential on a via. */
  private final Set<String> sources = new TreeSet<>();
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
      String id = (String) target.getProperty("id");
      for (Node w : direct) {
        workloads.get(w.getId()).offerParent(id, 0);
      }
      credentials = List.of(target);
    } else if (label.equals(Schema.IDENTITY.name())) {
      Map<Long, Node> identities = new LinkedHashMap<>();
      Map<Long, Integer> depths = dependentIdentities(target, identities);
      direct = workloadsOfIdentities(identities, depths);
      // The credentials of the identity itself: see Schema.AUTHENTICATES_AS.
      credentials =
          neighbours(target, Direction.INCOMING, Schema.CREDENTIAL, Schema.AUTHENTICATES_AS);
    } else {
      direct = workloads.isActive(target) ? List.of(target) : List.of();
    }
  }

  /** The dependent identities but the target, each {id, name, kind, depth, parent}. */
  List<Map<String, Object>> dependents() {
    return dependents;
  }

  /** The credentials through which a via may run, each {id, name, parent}. */
  List<Map<String, Object>> viaCredentials() {
    return viaCredentials;
  }

  /** The import sources that assert a dependent identity or a credential on a via. */
  Set<String> sources() {
    return sources;
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

  /**
   * Breadth-first from {@code start}, exactly as the client's level-by-level search: each node reached
   * keeps in {@code parents} the one of the level before it assumes into with the smallest id (all of
   * that level are equally far from the target).
   */
  private Map<Long, Integer> search(
      Collection<Long> start, Function<Long, List<Long>> expand, Function<Long, String> idOf, Map<Long, Long> parents) {
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
          Integer seen = depths.putIfAbsent(m, depth);
          if (seen == null) {
            next.add(m);
            parents.put(m, n);
          } else if (seen == depth && idOf.apply(n).compareTo(idOf.apply(parents.get(m))) < 0) {
            parents.put(m, n);
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

  private Map<Long, Integer> dependentIdentities(Node target, Map<Long, Node> identities) {
    identities.put(target.getId(), target);
    Map<Long, Long> parents = new HashMap<>();
    Map<Long, String> ids = new HashMap<>();
    Function<Long, String> idOf = n -> ids.computeIfAbsent(n, k -> (String) identities.get(k).getProperty("id"));
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
            },
            idOf,
            parents);
    List<Map<String, Object>> out = new ArrayList<>(depths.size());
    depths.forEach(
        (nodeId, depth) -> {
          if (depth == 0) {
            return; // the target is not one of its own dependents
          }
          Map<String, Object> p = identities.get(nodeId).getProperties("id", "name", "kind", "sources");
          addSources(p.get("sources"), sources);
          Map<String, Object> d = new LinkedHashMap<>();
          d.put("id", p.get("id"));
          d.put("name", nameOf(p));
          d.put("kind", p.get("kind"));
          d.put("depth", (long) depth);
          d.put("parent", idOf.apply(parents.get(nodeId)));
          out.add(d);
        });
    dependents = out;
    return depths;
  }

  /** A candidate parent of a via and the length of its own path from the target. */
  private record Choice(String parent, int length) {
    Choice better(Choice other) {
      int byLength = Integer.compare(length, other.length);
      return byLength < 0 || byLength == 0 && parent.compareTo(other.parent) < 0 ? this : other;
    }
  }

  /**
   * Workloads that run as one of the identities or use a credential authenticating as one, each with
   * the parent of its via: of the identities and credentials through which it depends, the one with the
   * shortest path from the target, then the smallest id; a credential's parent is chosen alike.
   */
  private Collection<Node> workloadsOfIdentities(Map<Long, Node> identities, Map<Long, Integer> depths) {
    Map<Long, Node> out = new LinkedHashMap<>();
    Map<Long, Node> credentialNodes = new LinkedHashMap<>();
    Map<Long, Choice> credentialVia = new HashMap<>();
    for (Map.Entry<Long, Integer> e : depths.entrySet()) {
      Node i = identities.get(e.getKey());
      Choice through = new Choice((String) i.getProperty("id"), e.getValue());
      for (Node w : neighbours(i, Direction.INCOMING, Schema.WORKLOAD, Schema.RUNS_AS)) {
        if (workloads.isActive(w)) {
          out.putIfAbsent(w.getId(), w);
          workloads.get(w.getId()).offerParent(through.parent(), through.length());
        }
      }
      for (Node c : neighbours(i, Direction.INCOMING, Schema.CREDENTIAL, Schema.AUTHENTICATES_AS)) {
        credentialNodes.putIfAbsent(c.getId(), c);
        credentialVia.merge(c.getId(), through, Choice::better);
      }
    }
    Map<String, Map<String, Object>> props = new HashMap<>();
    credentialNodes.forEach(
        (ref, c) -> {
          Choice through = credentialVia.get(ref);
          Map<String, Object> p = c.getProperties("id", "name", "sources");
          props.put((String) p.get("id"), p);
          Map<Long, Node> users = new LinkedHashMap<>();
          activeWorkloadsUsing(c, users, workloads, Schema.USES);
          for (Node w : users.values()) {
            out.putIfAbsent(w.getId(), w);
            workloads.get(w.getId()).offerParent((String) p.get("id"), through.length() + 1);
          }
          p.put("parent", through.parent());
        });
    // The credentials that a via runs through: those that are some workload's parent.
    List<Map<String, Object>> vias = new ArrayList<>();
    Set<String> through = new TreeSet<>();
    out.keySet().forEach(ref -> through.add(workloads.get(ref).parent));
    for (String id : through) {
      Map<String, Object> p = props.get(id);
      if (p != null) {
        addSources(p.get("sources"), sources);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", id);
        v.put("name", nameOf(p));
        v.put("parent", p.get("parent"));
        vias.add(v);
      }
    }
    viaCredentials = vias;
    return out.values();
  }
}
