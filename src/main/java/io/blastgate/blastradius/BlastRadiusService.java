package io.blastgate.blastradius;

import io.blastgate.blastradius.BlastRadius.CriticalityCounts;
import io.blastgate.blastradius.BlastRadius.ImpactedWorkload;
import io.blastgate.blastradius.BlastRadius.SharedSecret;
import io.blastgate.blastradius.BlastRadius.SourceFreshness;
import io.blastgate.blastradius.BlastRadius.Summary;
import io.blastgate.error.BlastgateException.InvalidInput;
import io.blastgate.graph.Graph;
import io.blastgate.graph.Row;
import io.blastgate.model.Containment;
import io.blastgate.model.EntityRef;
import io.blastgate.model.HopBound;
import io.blastgate.model.Label;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    if (!HopBound.allowed(defaultMaxHops)) {
      throw new IllegalArgumentException(HopBound.rule(defaultMaxHops));
    }
    this.defaultMaxHops = defaultMaxHops;
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
    return graph.readTx("blast-radius", tx -> computeIn(tx, targetId, maxHops));
  }

  /**
   * The blast radius inside the caller's read transaction ({@link Graph#readTx}), for a feature that
   * reads more of the same state beside it (the gate: the target's facts): one transaction, one state.
   */
  public BlastRadius computeIn(Graph.Tx tx, String targetId, int maxHops) {
    BlastRadius radius = impactIn(tx, targetId, maxHops);
    // One place for both engines: what the gate already did to the target changes no impact, so it is
    // read beside the radius, in the same transaction, rather than taught to each engine.
    List<Row> state = tx.run(BlastRadiusQuery.TARGET_CONTAINMENT, Map.of("id", targetId)).list();
    return state.isEmpty() ? radius : radius.withContainment(containment(state.get(0)));
  }

  /**
   * As {@link #computeIn}, without the target's containment: for a caller that has read it already
   * in the same transaction (the gate, with the target's facts), one statement less.
   */
  public BlastRadius impactIn(Graph.Tx tx, String targetId, int maxHops) {
    Objects.requireNonNull(targetId, "targetId");
    checkMaxHops(maxHops);
    return engine == Engine.PLUGIN
        ? PluginAnswer.read(targetId, tx.run(BlastRadiusQuery.BLAST_RADIUS, Map.of("id", targetId, "maxHops", maxHops)),
            maxHops, clock.instant())
        : new CypherAnswer(tx, maxHops, clock.instant()).compute(targetId);
  }

  /**
   * The blast radius from the plugin's rows read by another statement (the gate's {@code weigh.cypher}
   * collects them, each a map of {@code blast-radius.cypher}'s columns), without the containment.
   */
  public BlastRadius impactFromRows(String targetId, List<Row> rows, int maxHops) {
    return PluginAnswer.read(targetId, rows.iterator(), maxHops, clock.instant());
  }

  /** A target's containment from a row of {@code target-containment.cypher} (or the same columns). */
  public static Containment containment(Row r) {
    return new Containment(r.text("containment"), r.text("contained_by"), Instant.parse(r.text("contained_at")),
        r.isNull("contained_until") ? null : Instant.parse(r.text("contained_until")));
  }

  /**
   * A bound asked for one answer: the caller's input, refused as such. It may be below the setting's
   * least ({@link HopBound#MIN}): a responder may ask for less than the safety bound, and the answer
   * still says {@code truncated} when the bound cut something.
   */
  private static void checkMaxHops(int maxHops) {
    if (!HopBound.allowedForOneAnswer(maxHops)) {
      throw new InvalidInput(HopBound.ruleForOneAnswer(maxHops));
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
