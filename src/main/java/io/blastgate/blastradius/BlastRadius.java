package io.blastgate.blastradius;

import io.blastgate.model.Containment;
import io.blastgate.model.EntityRef;
import io.blastgate.model.Label;
import io.blastgate.model.OwnerRef;
import io.blastgate.model.RelType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What would break if the target were contained. {@code truncated} says that the traversal bound may
 * have hidden workloads: the answer is then incomplete, and whoever acts on it must know. {@code
 * containment} is the state an executed action already left on the target (null: none); it changes
 * nothing of what is impacted.
 */
public record BlastRadius(
    EntityRef target,
    Instant computedAt,
    int maxHops,
    boolean truncated,
    List<DependentIdentity> dependentIdentities,
    List<ImpactedWorkload> impacted,
    Summary summary,
    List<SharedSecret> sharedSecrets,
    List<SourceFreshness> sources,
    Containment containment) {

  public BlastRadius {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(computedAt, "computedAt");
    Objects.requireNonNull(summary, "summary");
    dependentIdentities = List.copyOf(dependentIdentities);
    impacted = List.copyOf(impacted);
    sharedSecrets = List.copyOf(sharedSecrets);
    sources = List.copyOf(sources);
  }

  /** The same answer, with the target's containment (read beside it, whichever engine computed it). */
  public BlastRadius withContainment(Containment state) {
    return new BlastRadius(target, computedAt, maxHops, truncated, dependentIdentities, impacted, summary,
        sharedSecrets, sources, state);
  }

  /**
   * An identity that relies on the target identity by assuming into it, {@code depth} CAN_ASSUME steps
   * away; {@code via} is the chain that makes it depend, from the target to it (graph-model/README.md,
   * "Why it is impacted: via"). The target itself is not one of its own dependents.
   */
  public record DependentIdentity(String id, String name, String kind, int depth, List<Step> via) {
    public DependentIdentity {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(kind, "kind");
      if (depth < 1) {
        throw new IllegalArgumentException("depth must be >= 1");
      }
      via = List.copyOf(via);
    }
  }

  /** Which way a step's relationship points: toward the target (written ←) or away from it (→). */
  public enum Direction {
    TOWARD_TARGET,
    AWAY_FROM_TARGET
  }

  /**
   * One step of a path from the target: an entity, and the relationship that joins it to the step
   * before it ({@code relationship} and {@code direction} are null for the first step, the target).
   */
  public record Step(String id, String name, Label label, RelType relationship, Direction direction) {
    public Step {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(label, "label");
      if ((relationship == null) != (direction == null)) {
        throw new IllegalArgumentException("a step has both a relationship and a direction, or neither");
      }
    }
  }

  /**
   * An impacted workload. {@code criticality}, {@code environment} and {@code status} are null when
   * the graph does not know them: absent is never invented. {@code via} says why it is impacted: one
   * shortest path from the target to it, target first, the workload last, with exactly {@code hops}
   * DEPENDS_ON steps (graph-model/README.md, "Why it is impacted: via").
   */
  public record ImpactedWorkload(
      String id,
      String name,
      String kind,
      int hops,
      String criticality,
      String environment,
      String status,
      List<OwnerRef> owners,
      List<String> teams,
      List<Step> via) {
    public ImpactedWorkload {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(kind, "kind");
      if (hops < 0) {
        throw new IllegalArgumentException("hops must be >= 0");
      }
      owners = List.copyOf(owners);
      teams = List.copyOf(teams);
      via = List.copyOf(via);
    }

    public boolean unowned() {
      return owners.isEmpty();
    }
  }

  /** Counts by criticality; {@code unknown} is a workload with no criticality recorded. */
  public record CriticalityCounts(int critical, int high, int medium, int low, int unknown) {}

  public record Summary(
      int direct,
      int total,
      Integer deepestHops,
      CriticalityCounts byCriticality,
      int unowned,
      List<String> teams,
      List<String> environments,
      boolean sharedSecret) {
    public Summary {
      Objects.requireNonNull(byCriticality, "byCriticality");
      teams = List.copyOf(teams);
      environments = List.copyOf(environments);
    }
  }

  /** Who else presents a credential: containing it reaches all of them. */
  public record SharedSecret(
      EntityRef credential,
      List<String> consumers,
      List<String> teams,
      List<String> environments) {
    public SharedSecret {
      Objects.requireNonNull(credential, "credential");
      consumers = List.copyOf(consumers);
      teams = List.copyOf(teams);
      environments = List.copyOf(environments);
    }

    public int consumerCount() {
      return consumers.size();
    }

    /** A credential with two or more consumers is shared. */
    public boolean shared() {
      return consumers.size() >= 2;
    }
  }

  /** When a source last synced; null if it never completed. */
  public record SourceFreshness(String source, Instant lastSynced) {
    public SourceFreshness {
      Objects.requireNonNull(source, "source");
    }
  }
}
