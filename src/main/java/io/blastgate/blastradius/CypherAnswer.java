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
import java.util.List;
import java.util.Map;

/**
 * One blast radius computed with the Cypher files of {@code cypher/queries/blastradius/}, level by level
 * inside one read transaction: the engine used when Neo4j lacks the plugin, and the reference the
 * plugin's answers are held to ({@link PluginAnswer} reads the plugin's).
 */
final class CypherAnswer {
  /** Where the search starts: dependent identities, directly impacted workloads, credentials to reach. */
  private record Start(
      List<DependentIdentity> dependents, List<String> direct, List<String> credentials) {}

  private final Graph.Tx tx;
  private final int maxHops;
  private final Instant computedAt;
  private boolean truncated;

  CypherAnswer(Graph.Tx tx, int maxHops, Instant computedAt) {
    this.tx = tx;
    this.maxHops = maxHops;
    this.computedAt = computedAt;
  }

  BlastRadius compute(String targetId) {
    EntityRef target = resolve(targetId);
    Start start =
        switch (target.label()) {
          case CREDENTIAL ->
              new Start(
                  List.of(),
                  ids(BlastRadiusQuery.WORKLOADS_USING_CREDENTIAL, Map.of("id", targetId)),
                  List.of(targetId));
          case IDENTITY -> {
            List<DependentIdentity> dependents = dependentIdentities(target);
            List<String> identityIds = dependents.stream().map(DependentIdentity::id).toList();
            yield new Start(
                dependents,
                ids(BlastRadiusQuery.WORKLOADS_OF_IDENTITIES, Map.of("ids", identityIds)),
                ids(BlastRadiusQuery.CREDENTIALS_OF_IDENTITY, Map.of("id", targetId)));
          }
          case WORKLOAD ->
              new Start(
                  List.of(),
                  ids(BlastRadiusQuery.WORKLOAD_IF_ACTIVE, Map.of("id", targetId)),
                  List.of());
          case OWNER -> throw new NotATarget(targetId, target.label().cypherName());
        };
    List<DependentIdentity> dependents = start.dependents();
    List<String> direct = start.direct();
    List<String> credentials = start.credentials();
    BreadthFirst.Result upstream =
        BreadthFirst.search(
            direct, frontier -> ids(BlastRadiusQuery.DEPENDANTS, Map.of("ids", frontier)), maxHops);
    truncated |= upstream.truncated();
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
        freshness());
  }

  private EntityRef resolve(String id) {
    List<Row> rows = tx.run(BlastRadiusQuery.RESOLVE_TARGET, Map.of("id", id)).list();
    if (rows.isEmpty()) {
      throw new UnknownEntity(id);
    }
    Row row = rows.get(0);
    Label label =
        Label.fromCypherName(row.textOrNull("label")).orElseThrow(() -> new UnknownEntity(id));
    return new EntityRef(id, label, row.textOr("kind", ""), row.textOr("name", id));
  }

  private List<DependentIdentity> dependentIdentities(EntityRef target) {
    Map<String, Row> seen = new HashMap<>();
    BreadthFirst.Result result =
        BreadthFirst.search(
            List.of(target.id()),
            frontier -> {
              List<Row> rows =
                  tx.run(BlastRadiusQuery.IDENTITIES_ASSUMING, Map.of("ids", frontier)).list();
              rows.forEach(r -> seen.putIfAbsent(r.text("id"), r));
              return rows.stream().map(r -> r.text("id")).toList();
            },
            maxHops);
    truncated |= result.truncated();
    List<DependentIdentity> out = new ArrayList<>();
    result
        .depths()
        .forEach(
            (id, depth) -> {
              Row r = seen.get(id);
              out.add(
                  r == null
                      ? new DependentIdentity(id, target.name(), target.kind(), depth)
                      : new DependentIdentity(id, r.text("name"), r.textOr("kind", ""), depth));
            });
    out.sort(Comparator.comparingInt(DependentIdentity::depth).thenComparing(DependentIdentity::id));
    return out;
  }

  private List<ImpactedWorkload> details(Map<String, Integer> hops) {
    List<ImpactedWorkload> out = new ArrayList<>();
    tx.run(BlastRadiusQuery.WORKLOAD_DETAILS, Map.of("ids", List.copyOf(hops.keySet())))
        .forEachRemaining(
            r -> {
              String id = r.text("id");
              List<OwnerRef> owners =
                  r.rows("owners").stream()
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
                      r.texts("teams").stream().sorted().toList()));
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
        .forEachRemaining(r -> out.add(BlastRadiusService.sharedSecret(r)));
    out.sort(Comparator.comparing(s -> s.credential().id()));
    return out;
  }

  private List<SourceFreshness> freshness() {
    List<SourceFreshness> out = new ArrayList<>();
    tx.run(BlastRadiusQuery.SOURCE_FRESHNESS, Map.of())
        .forEachRemaining(r -> out.add(BlastRadiusService.sourceFreshness(r)));
    return out;
  }

  private List<String> ids(BlastRadiusQuery query, Map<String, Object> params) {
    return tx.run(query, params).list(r -> r.text("id"));
  }
}
