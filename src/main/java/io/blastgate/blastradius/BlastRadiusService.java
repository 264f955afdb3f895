package io.blastgate.blastradius;

import io.blastgate.blastradius.BlastRadius.CriticalityCounts;
import io.blastgate.blastradius.BlastRadius.DependentIdentity;
import io.blastgate.blastradius.BlastRadius.ImpactedWorkload;
import io.blastgate.blastradius.BlastRadius.SharedSecret;
import io.blastgate.blastradius.BlastRadius.SourceFreshness;
import io.blastgate.blastradius.BlastRadius.Summary;
import io.blastgate.error.BlastgateException.InvalidInput;
import io.blastgate.error.BlastgateException.NotATarget;
import io.blastgate.error.BlastgateException.UnknownEntity;
import io.blastgate.graph.Graph;
import io.blastgate.graph.Row;
import io.blastgate.model.EntityRef;
import io.blastgate.model.HopBound;
import io.blastgate.model.Label;
import io.blastgate.model.OwnerRef;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.HashSet;
import java.util.Set;

/**
 * Computes blast radii. Everything one answer reads happens in one read transaction, so the answer
 * describes one consistent state of the graph; if the graph cannot answer in full, this throws rather
 * than returning a smaller set.
 */
public final class BlastRadiusService {
  /**
   * How an answer is computed. Both give the same answer (a test holds both to the scenarios'
   * oracle); the plugin computes it inside Neo4j in one statement, Cypher in several per answer.
   */
  public enum Engine {
    /** The Cypher queries of {@code cypher/queries/blastradius/}, level by level. */
    CYPHER,
    /** The plugin's procedure {@code blastgate.blastRadius}, when Neo4j has it. */
    PLUGIN
  }

  private final Graph graph;
  private final int defaultMaxHops;
  private final Engine engine;
  private final Clock clock;

  /** Uses the plugin if the graph has it, Cypher otherwise. */
  public BlastRadiusService(Graph graph, int defaultMaxHops) {
    this(graph, defaultMaxHops, graph.hasPlugin() ? Engine.PLUGIN : Engine.CYPHER);
  }

  public BlastRadiusService(Graph graph, int defaultMaxHops, Engine engine) {
    this(graph, defaultMaxHops, engine, Clock.systemUTC());
  }

  BlastRadiusService(Graph graph, int defaultMaxHops, Engine engine, Clock clock) {
    this.graph = Objects.requireNonNull(graph, "graph");
    this.defaultMaxHops = checkMaxHops(defaultMaxHops);
    this.engine = Objects.requireNonNull(engine, "engine");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Engine engine() {
    return engine;
  }

  public int defaultMaxHops() {
    return defaultMaxHops;
  }

  public BlastRadius compute(String targetId) {
    return compute(targetId, defaultMaxHops);
  }

  public BlastRadius compute(String targetId, int maxHops) {
    Objects.requireNonNull(targetId, "targetId");
    checkMaxHops(maxHops);
    if (engine == Engine.PLUGIN) {
      return graph.readTx(
          "blast-radius",
          tx ->
              PluginAnswer.read(
                  targetId,
                  tx.run(BlastRadiusQuery.BLAST_RADIUS, Map.of("id", targetId, "maxHops", maxHops)),
                  maxHops,
                  clock.instant()));
    }
    return graph.readTx("blast-radius", tx -> new Computation(tx, maxHops).run(targetId));
  }

  private static int checkMaxHops(int maxHops) {
    if (!HopBound.allowed(maxHops)) {
      throw new InvalidInput(HopBound.rule(maxHops));
    }
    return maxHops;
  }

  /** Where the search starts: dependent identities, directly impacted workloads, credentials to reach. */
  private record Start(
      List<DependentIdentity> dependents, List<String> direct, List<String> credentials) {}

  /** One answer's work inside one transaction. */
  private final class Computation {
    private final Graph.Tx tx;
    private final int maxHops;
    private boolean truncated;

    Computation(Graph.Tx tx, int maxHops) {
      this.tx = tx;
      this.maxHops = maxHops;
    }

    BlastRadius run(String targetId) {
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
          clock.instant(),
          maxHops,
          truncated,
          dependents,
          impacted,
          summarise(direct.size(), impacted, reach),
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
      Map<String, Row> seen = new java.util.HashMap<>();
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
          .forEachRemaining(r -> out.add(sharedSecret(r)));
      out.sort(Comparator.comparing(s -> s.credential().id()));
      return out;
    }

    private List<SourceFreshness> freshness() {
      List<SourceFreshness> out = new ArrayList<>();
      tx.run(BlastRadiusQuery.SOURCE_FRESHNESS, Map.of())
          .forEachRemaining(r -> out.add(sourceFreshness(r)));
      return out;
    }

    private List<String> ids(BlastRadiusQuery query, Map<String, Object> params) {
      return tx.run(query, params).list(r -> r.text("id"));
    }
  }

  /**
   * A credential's shared-secret reach from a row of {@code credential-reach.cypher} or an entry of
   * the plugin's answer: the same keys.
   */
  static SharedSecret sharedSecret(Row m) {
    return new SharedSecret(
        new EntityRef(m.text("id"), Label.CREDENTIAL, m.textOr("kind", ""), m.text("name")),
        m.texts("consumers"),
        m.texts("teams").stream().sorted().toList(),
        m.texts("environments"));
  }

  /** When a source last synced, from a row of {@code source-freshness.cypher} or the plugin's answer. */
  static SourceFreshness sourceFreshness(Row m) {
    return new SourceFreshness(m.text("source"), m.instantOrNull("last_synced"));
  }

  static Summary summarise(int direct, List<ImpactedWorkload> impacted, List<SharedSecret> reach) {
    int critical = 0, high = 0, medium = 0, low = 0, unknown = 0, unowned = 0;
    Set<String> teams = new HashSet<>();
    Set<String> environments = new HashSet<>();
    Integer deepest = null;
    for (ImpactedWorkload w : impacted) {
      switch (w.criticality() == null ? "" : w.criticality()) {
        case "critical" -> critical++;
        case "high" -> high++;
        case "medium" -> medium++;
        case "low" -> low++;
        default -> unknown++;
      }
      if (w.unowned()) {
        unowned++;
      }
      teams.addAll(w.teams());
      if (w.environment() != null) {
        environments.add(w.environment());
      }
      deepest = deepest == null ? w.hops() : Math.max(deepest, w.hops());
    }
    return new Summary(
        direct,
        impacted.size(),
        deepest,
        new CriticalityCounts(critical, high, medium, low, unknown),
        unowned,
        teams.stream().sorted().toList(),
        environments.stream().sorted().toList(),
        reach.stream().anyMatch(SharedSecret::shared));
  }
}
