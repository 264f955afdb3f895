package io.blastgate.gate;

import io.blastgate.model.Label;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One step of the containment ladder as {@code policy/actions.yaml} declares it: the labels of the
 * targets it fits, its stage, whether it can be undone, whether it interrupts the workloads in the
 * blast radius (for a human identity and for a non-human one), the state it records on its target
 * when it runs (null: none, for enrichment), whether it may run again while that state is on the
 * target ({@code repeatable}: a rotation makes a new secret each time; otherwise a request for it is
 * refused as already contained), and the softer actions the gate may suggest instead, in order of
 * preference.
 */
public record Action(
    String name,
    Stage stage,
    Set<Label> appliesTo,
    boolean reversible,
    boolean expires,
    boolean interruptsHuman,
    boolean interruptsNonHuman,
    String records,
    boolean repeatable,
    List<String> softer) {
  public Action {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(stage, "stage");
    appliesTo = Set.copyOf(appliesTo);
    softer = List.copyOf(softer);
  }

  public boolean fits(Label label) {
    return appliesTo.contains(label);
  }

  /** Whether it interrupts workloads when taken against a target of this identity kind. */
  public boolean interrupts(boolean humanTarget) {
    return humanTarget ? interruptsHuman : interruptsNonHuman;
  }
}
