package io.blastgate.gate;

import io.blastgate.blastradius.BlastRadius;
import io.blastgate.blastradius.BlastRadiusService;
import io.blastgate.error.BlastgateException;
import io.blastgate.graph.Graph;
import io.blastgate.graph.Row;
import io.blastgate.model.Containment;
import io.blastgate.model.Label;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Gathers a decision's inputs from the graph (the target's facts, its blast radius, how old the facts
 * behind it are) and asks {@link Gate}. A blast radius that cannot be had (the graph times out in the
 * middle, the bound cuts it) is decided on as incomplete, which never executes; a target that cannot
 * even be looked up is no decision at all (the error goes to the caller). An action that does not fit
 * its target is invalid input that says which targets it fits.
 */
public final class GateService {
  private static final String PROTECTED_TAG = "protected";

  private final Graph graph;
  private final BlastRadiusService blastRadius;
  private final Actions actions;
  private final Gate gate;
  private final PolicyStore policies;
  private final Clock clock;

  private final GateProcess process;
  private final Reconciliation reconciliation;
  private final ActionRequests requests;

  public GateService(Graph graph, BlastRadiusService blastRadius, List<Executor> executors, GateAudit audit,
      Clock clock) {
    this.graph = graph;
    this.blastRadius = blastRadius;
    this.actions = Actions.ladder();
    this.gate = new Gate(actions);
    this.policies = new PolicyStore(graph, new PolicyReader(), audit, clock);
    this.clock = clock;
    this.process = new GateProcess(graph, clock);
    this.reconciliation = new Reconciliation(graph, audit, process, clock);
    this.requests = new ActionRequests(graph, this, new Execution(graph, actions, executors, audit, process, clock),
        audit, process, reconciliation, clock);
  }

  public PolicyStore policies() {
    return policies;
  }

  /** This process, as the others on the same graph see it (its heartbeat). */
  public GateProcess process() {
    return process;
  }

  /**
   * At start-up: requests and rollbacks a process that is gone left unfinished are reconciled, their
   * outcome unknown ({@link Reconciliation}): a request becomes failed, never run again blindly; a
   * rollback is released and its request stays executed, saying so. {@code alone}: no other process
   * can be using the graph (an embedded one), so all that is found unfinished was left by one that
   * stopped; else only what processes unseen for {@link GateProcess#GONE_AFTER} left (the others' is
   * reconciled by housekeeping once they are gone). Answers one line per request: its id and target.
   */
  public Reconciled reconcileAtStartUp(boolean alone) {
    return new Reconciled(reconciliation.executions(alone), reconciliation.rollbacks(alone));
  }

  /** What {@link #reconcileAtStartUp} found: interrupted executions, then interrupted rollbacks. */
  public record Reconciled(List<String> executions, List<String> rollbacks) {}

  public Actions actions() {
    return actions;
  }

  /** Requests through the gate: kept, approved, run, rolled back. */
  public ActionRequests requests() {
    return requests;
  }

  /** A request weighed: the target's facts, the confidence level, the radius (null if none), the decision. */
  record Weighed(TargetFacts target, Confidence confidence, BlastRadius radius, Decision decision, Policy policy,
      Instant now) {}

  /** What a decision reads: the target's facts (a row of {@code target-facts.cypher}) and its radius. */
  private record Read(TargetFacts target, Row facts, BlastRadius radius) {}

  /**
   * The gate's decision on {@code request}, on the graph as it is now. A radius that cannot be had is
   * weighed as incomplete (never execute); a target that cannot be looked up is an error, no decision.
   */
  Weighed weigh(ActionRequest request) {
    Action action = actions.named(request.action());
    // The target's facts, which policy is in force and the blast radius from one state of the graph:
    // with the plugin, one statement that reads the publication mark first and last itself; without
    // it, one transaction of four statements with the mark read first and last.
    Read read;
    try {
      read = blastRadius.engine() == BlastRadiusService.Engine.PLUGIN
          ? readInOneStatement(request.target())
          : graph.readTx("weigh an action", tx -> {
            Row facts = factsRow(tx, request.target());
            TargetFacts target = target(facts);
            if (!action.fits(target.label())) {
              return new Read(target, facts, null);
            }
            // The containment is in the facts already: the radius alone.
            return new Read(target, facts, blastRadius.impactIn(tx, request.target(), blastRadius.defaultMaxHops()));
          });
    } catch (BlastgateException.GraphUnavailable e) {
      // The facts could be had alone, the radius not in time: decide without it, which never executes.
      Policy policy = policies.current();
      Confidence confidence = confidence(request.confidence(), policy);
      read = new Read(targetFacts(request.target()), null, null);
      if (!action.fits(read.target().label())) {
        throw unfit(action, request.target(), read.target());
      }
      Instant now = clock.instant();
      GateInput input = new GateInput(action, read.target(), confidence,
          RadiusFigures.unavailable("the graph database did not answer in time"), null, now);
      return new Weighed(read.target(), confidence, null, gate.decide(input, policy), policy, now);
    }
    if (!action.fits(read.target().label())) {
      throw unfit(action, request.target(), read.target());
    }
    Policy policy = policies.inForce(read.facts().textOrNull("policy_version"),
        read.facts().textOrNull("policy_changed_at"));
    Confidence confidence = confidence(request.confidence(), policy);
    Instant now = clock.instant();
    GateInput input = new GateInput(action, read.target(), confidence, RadiusFigures.of(read.radius()),
        factsAge(read.radius(), now), now);
    return new Weighed(read.target(), confidence, read.radius(), gate.decide(input, policy), policy, now);
  }

  /** The facts and the radius from {@code weigh.cypher}; an unknown target or an owner is an error. */
  private Read readInOneStatement(String id) {
    int maxHops = blastRadius.defaultMaxHops();
    return graph.readMarked(GateQuery.WEIGH, Map.of("id", id, "maxHops", maxHops), row -> {
      // The radius says, in its words, whether an id that is no target is an owner or nothing at all.
      BlastRadius radius = blastRadius.impactFromRows(id, row.rows("radius"), maxHops);
      if (row.isNull("facts")) {
        throw new BlastgateException.UnknownEntity(id);
      }
      Row facts = row.row("facts");
      return new Read(target(facts), facts, radius);
    });
  }

  private static BlastgateException unfit(Action action, String id, TargetFacts target) {
    return new BlastgateException.InvalidInput("'" + action.name() + "' does not fit " + id + ", a "
        + target.label().cypherName() + ": it fits " + action.appliesTo().stream().map(Label::cypherName).sorted().toList());
  }

  /** What the gate knows of a target besides its blast radius. */
  TargetFacts targetFacts(String id) {
    return graph.readTx("read a target's facts", tx -> target(factsRow(tx, id)));
  }

  /** The row of {@code target-facts.cypher}; an unknown target or an owner is an error, in its words. */
  private Row factsRow(Graph.Tx tx, String id) {
    List<Row> rows = tx.run(GateQuery.TARGET_FACTS, Map.of("id", id)).list();
    if (rows.isEmpty()) {
      // An owner is no target; anything else unknown. The blast radius says which, in its words.
      blastRadius.impactIn(tx, id, 0);
      throw new BlastgateException.UnknownEntity(id);
    }
    return rows.get(0);
  }

  private static TargetFacts target(Row t) {
    Label label = Label.fromCypherName(t.text("label")).orElseThrow();
    boolean isProtected = t.textsOrEmpty("tags").contains(PROTECTED_TAG)
        || t.textsOrEmpty("identity_tags").contains(PROTECTED_TAG);
    Containment done = t.isNull("containment") ? null : BlastRadiusService.containment(t);
    return switch (label) {
      case IDENTITY -> new TargetFacts(t.text("id"), label, t.text("kind"), t.text("kind"), t.text("id"), isProtected,
          done);
      case CREDENTIAL -> new TargetFacts(t.text("id"), label, t.text("kind"), t.textOrNull("identity_kind"),
          t.textOrNull("identity_id"), isProtected, done);
      default -> new TargetFacts(t.text("id"), label, t.text("kind"), null, null, isProtected, done);
    };
  }

  /** A level by name, or a score in [0, 1] through the policy's bands. */
  static Confidence confidence(String given, Policy policy) {
    try {
      return Confidence.ofScore(Double.parseDouble(given), policy.confidence());
    } catch (NumberFormatException e) {
      return Confidence.fromWireName(given);
    }
  }

  /**
   * How old the facts behind a radius are: since the least recent sync of the sources it rests on.
   * Null (unknown, as stale as can be) when one of them never completed a sync, or none is named.
   */
  static Duration factsAge(BlastRadius radius, Instant now) {
    Instant oldest = null;
    for (BlastRadius.SourceFreshness s : radius.sources()) {
      if (s.lastSynced() == null) {
        return null;
      }
      oldest = oldest == null || s.lastSynced().isBefore(oldest) ? s.lastSynced() : oldest;
    }
    return oldest == null ? null : Duration.between(oldest, now).isNegative() ? Duration.ZERO : Duration.between(oldest, now);
  }
}
