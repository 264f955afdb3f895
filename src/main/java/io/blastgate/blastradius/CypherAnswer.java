package io.blastgate.blastradius;

import io.blastgate.blastradius.BlastRadius.DependentIdentity;
import io.blastgate.blastradius.BlastRadius.ImpactedWorkload;
import io.blastgate.blastradius.BlastRadius.SharedSecret;
import io.blastgate.blastradius.BlastRadius.SourceFreshness;
import io.blastgate.error.BlastgateException.NotATarget;
import io.blastgate.error.BlastgateException.UnknownEntity;
import io.blastgate.graph.Graph;
import io.blastgate.graph.Row;
import io.blastgate.model.EntityRef;
import io.blastgate.model.Label;
import io.blastgate.model.OwnerRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One blast radius computed with the Cypher files of {@code cypher/queries/blastradius/}, level by level
 * inside one read transaction: the engine used when Neo4j lacks the plugin, and the reference the
 * plugin's answers are held to ({@link PluginAnswer} reads the plugin's).
 */
final class CypherAnswer {
  private final Graph.Tx tx;
  private final int maxHops;
  private final Instant computedAt;
  private boolean truncated;
  /** Each directly impacted workload with the length of its via (its parent is in {@link #via}). */
  private final Map<String, Integer> direct = new LinkedHashMap<>();
  private List<String> credentials = List.of();
  private List<DependentIdentity> dependents = List.of();
  private ViaPaths via;
  /** The sources that assert an entity the answer names. */
  private final Set<String> asserting = new TreeSet<>();

  CypherAnswer(Graph.Tx tx, int maxHops, Instant computedAt) {
    this.tx = tx;
    this.maxHops = maxHops;
    this.computedAt = computedAt;
  }

  BlastRadius compute(String targetId) {
    EntityRef target = resolve(targetId);
    via = new ViaPaths(target);
    switch (target.label()) {
      case CREDENTIAL -> {
        for (String w : ids(BlastRadiusQuery.WORKLOADS_USING_CREDENTIAL, Map.of("id", targetId))) {
          direct.put(w, 1);
          via.met(w, null, Label.WORKLOAD, targetId);
        }
        credentials = List.of(targetId);
      }
      case IDENTITY -> {
        Map<String, Integer> depths = dependentIdentities(target);
        directOfIdentities(depths);
        credentials = ids(BlastRadiusQuery.CREDENTIALS_OF_IDENTITY, Map.of("id", targetId));
      }
      case WORKLOAD -> ids(BlastRadiusQuery.WORKLOAD_IF_ACTIVE, Map.of("id", targetId)).forEach(w -> direct.put(w, 0));
      case OWNER -> throw new NotATarget(targetId, target.label().cypherName());
    }
    BreadthFirst.Result upstream =
        BreadthFirst.search(
            direct,
            frontier ->
                tx.run(BlastRadiusQuery.DEPENDANTS, Map.of("ids", frontier))
                    .list(r -> new BreadthFirst.Edge(r.text("id"), r.text("parent"))),
            maxHops);
    truncated |= upstream.truncated();
    upstream.parents().forEach((w, parent) -> via.met(w, null, Label.WORKLOAD, parent));
    List<ImpactedWorkload> impacted = details(upstream.depths());
    List<SharedSecret> reach = reach(credentials);
    return new BlastRadius(
        target,
        computedAt,
        maxHops,
        truncated,
        dependents,
        impacted,
        BlastRadiusService.summarise(direct.size(), impacted, reach),
        reach,
        freshness(),
        null);
  }

  private EntityRef resolve(String id) {
    List<Row> rows = tx.run(BlastRadiusQuery.RESOLVE_TARGET, Map.of("id", id)).list();
    if (rows.isEmpty()) {
      throw new UnknownEntity(id);
    }
    Row row = rows.get(0);
    asserting.addAll(row.texts("sources"));
    Label label =
        Label.fromCypherName(row.textOrNull("label")).orElseThrow(() -> new UnknownEntity(id));
    return new EntityRef(id, label, row.textOr("kind", ""), row.textOr("name", id));
  }

  /** The dependent identities of an identity target, with the target at depth 0; sets {@link #dependents}. */
  private Map<String, Integer> dependentIdentities(EntityRef target) {
    Map<String, Row> seen = new HashMap<>();
    BreadthFirst.Result result =
        BreadthFirst.search(
            Map.of(target.id(), 0),
            frontier -> {
              List<Row> rows =
                  tx.run(BlastRadiusQuery.IDENTITIES_ASSUMING, Map.of("ids", frontier)).list();
              rows.forEach(r -> seen.putIfAbsent(r.text("id"), r));
              return rows.stream().map(r -> new BreadthFirst.Edge(r.text("id"), r.text("parent"))).toList();
            },
            maxHops);
    truncated |= result.truncated();
    result.parents().forEach((id, parent) -> via.met(id, seen.get(id).text("name"), Label.IDENTITY, parent));
    result.parents().keySet().forEach(id -> asserting.addAll(seen.get(id).texts("sources")));
    List<DependentIdentity> out = new ArrayList<>();
    result
        .depths()
        .forEach(
            (id, depth) -> {
              if (depth > 0) {
                Row r = seen.get(id);
                out.add(new DependentIdentity(id, r.text("name"), r.textOr("kind", ""), depth, via.of(id)));
              }
            });
    out.sort(Comparator.comparingInt(DependentIdentity::depth).thenComparing(DependentIdentity::id));
    dependents = out;
    return result.depths();
  }

  /**
   * The directly impacted workloads of an identity target: each with the parent of its via, of those
   * through which it depends (an identity it runs as, or a credential it uses that authenticates as
   * one), the one with the shortest path from the target, then the smallest id; a credential's own
   * parent is chosen alike among the identities it authenticates as.
   */
  private void directOfIdentities(Map<String, Integer> depths) {
    List<Row> rows =
        tx.run(BlastRadiusQuery.WORKLOADS_OF_IDENTITIES, Map.of("ids", List.copyOf(depths.keySet()))).list();
    Map<String, Integer> lengths = new HashMap<>(depths);
    Map<String, String> parents = new HashMap<>();
    Map<String, Row> credentialRows = new HashMap<>();
    for (Row r : rows) {
      String c = r.textOrNull("credential");
      if (c != null) {
        credentialRows.put(c, r);
        choose(c, r.text("identity"), lengths, parents);
      }
    }
    parents.forEach((c, identity) -> via.met(c, credentialRows.get(c).text("credential_name"), Label.CREDENTIAL, identity));
    for (Row r : rows) {
      String c = r.textOrNull("credential");
      choose(r.text("id"), c != null ? c : r.text("identity"), lengths, parents);
    }
    rows.stream()
        .map(r -> r.text("id"))
        .distinct()
        .sorted()
        .forEach(
            w -> {
              direct.put(w, lengths.get(w));
              via.met(w, null, Label.WORKLOAD, parents.get(w));
              Row through = credentialRows.get(parents.get(w));
              if (through != null) {
                asserting.addAll(through.texts("credential_sources")); // a credential on a via
              }
            });
  }

  /** Makes {@code parent} the parent of {@code id} if it is its first or a better one. */
  private static void choose(
      String id, String parent, Map<String, Integer> lengths, Map<String, String> parents) {
    String current = parents.get(id);
    if (current == null || BreadthFirst.better(parent, current, lengths)) {
      parents.put(id, parent);
      lengths.put(id, lengths.get(parent) + 1);
    }
  }

  private List<ImpactedWorkload> details(Map<String, Integer> hops) {
    List<ImpactedWorkload> out = new ArrayList<>();
    List<Row> rows =
        tx.run(BlastRadiusQuery.WORKLOAD_DETAILS, Map.of("ids", List.copyOf(hops.keySet()))).list();
    rows.forEach(r -> via.name(r.text("id"), r.text("name")));
    rows.forEach(r -> asserting.addAll(r.texts("sources")));
    rows.forEach(
            r -> {
              String id = r.text("id");
              List<OwnerRef> owners =
                  r.rows("owners").stream()
                      .peek(o -> asserting.addAll(o.texts("sources")))
                      .map(o -> new OwnerRef(o.text("id"), o.text("name"), o.textOr("kind", "")))
                      .sorted(Comparator.comparing(OwnerRef::id))
                      .toList();
              out.add(
                  new ImpactedWorkload(
                      id,
                      r.text("name"),
                      r.textOr("kind", ""),
                      hops.get(id),
                      r.textOrNull("criticality"),
                      r.textOrNull("environment"),
                      r.textOrNull("status"),
                      owners,
                      r.texts("teams").stream().sorted().toList(),
                      via.of(id)));
            });
    out.sort(Comparator.comparingInt(ImpactedWorkload::hops).thenComparing(ImpactedWorkload::id));
    return out;
  }

  private List<SharedSecret> reach(List<String> credentialIds) {
    if (credentialIds.isEmpty()) {
      return List.of();
    }
    List<SharedSecret> out = new ArrayList<>();
    tx.run(BlastRadiusQuery.CREDENTIAL_REACH, Map.of("ids", credentialIds))
        .forEachRemaining(
            r -> {
              asserting.addAll(r.texts("sources"));
              out.add(BlastRadiusService.sharedSecret(r));
            });
    out.sort(Comparator.comparing(s -> s.credential().id()));
    return out;
  }

  private List<SourceFreshness> freshness() {
    List<SourceFreshness> out = new ArrayList<>();
    tx.run(BlastRadiusQuery.SOURCE_FRESHNESS, Map.of("names", List.copyOf(asserting)))
        .forEachRemaining(r -> out.add(BlastRadiusService.sourceFreshness(r)));
    return out;
  }

  private List<String> ids(BlastRadiusQuery query, Map<String, Object> params) {
    return tx.run(query, params).list(r -> r.text("id"));
  }
}
