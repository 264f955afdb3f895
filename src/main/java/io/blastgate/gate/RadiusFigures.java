package io.blastgate.gate;

import io.blastgate.blastradius.BlastRadius;
import java.util.List;
import java.util.Objects;

/**
 * The figures of a blast radius the gate decides on. {@code complete} is false when the radius could
 * not be had in full ({@code incompleteBecause} says why: truncated by the hop bound, the graph down):
 * the gate then never executes (invariant 4).
 */
public record RadiusFigures(
    boolean complete,
    String incompleteBecause,
    int impacted,
    int critical,
    int unowned,
    List<String> teams,
    List<String> environments,
    int sharedConsumers,
    int dependentIdentities) {
  public RadiusFigures {
    teams = List.copyOf(teams);
    environments = List.copyOf(environments);
    if (!complete) {
      Objects.requireNonNull(incompleteBecause, "incompleteBecause");
    }
  }

  /** The figures of a computed radius; a truncated one is incomplete. */
  public static RadiusFigures of(BlastRadius radius) {
    BlastRadius.Summary s = radius.summary();
    int consumers = radius.sharedSecrets().stream().mapToInt(BlastRadius.SharedSecret::consumerCount).max().orElse(0);
    return new RadiusFigures(
        !radius.truncated(),
        radius.truncated() ? "the blast radius was cut at " + radius.maxHops() + " hops, so it may hide workloads" : null,
        s.total(),
        s.byCriticality().critical(),
        s.unowned(),
        s.teams(),
        s.environments(),
        consumers,
        radius.dependentIdentities().size());
  }

  /** No radius at all: the gate decides without one, and never executes. */
  public static RadiusFigures unavailable(String because) {
    return new RadiusFigures(false, because, 0, 0, 0, List.of(), List.of(), 0, 0);
  }
}
