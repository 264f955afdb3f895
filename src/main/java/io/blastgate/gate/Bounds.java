package io.blastgate.gate;

import java.util.ArrayList;
import java.util.List;

/**
 * Figures of a blast radius that a policy bounds; a null bound is no bound. As {@code execute_up_to}
 * they are inclusive limits (critical and unowned are then always 0: invariant 3); as {@code
 * deny_beyond}, the figures beyond which the gate refuses.
 */
public record Bounds(Integer impacted, Integer critical, Integer unowned, Integer teams, Integer sharedConsumers) {
  public static final Bounds NONE = new Bounds(null, null, null, null, null);

  /** One figure of a radius over its bound: which, the figure and the bound. */
  public record Excess(String figure, int value, int bound) {}

  /** Every figure of {@code radius} above its bound here, in a fixed order. */
  public List<Excess> exceededBy(RadiusFigures radius) {
    List<Excess> over = new ArrayList<>();
    check(over, "impacted", radius.impacted(), impacted);
    check(over, "critical", radius.critical(), critical);
    check(over, "unowned", radius.unowned(), unowned);
    check(over, "teams", radius.teams().size(), teams);
    check(over, "shared_consumers", radius.sharedConsumers(), sharedConsumers);
    return over;
  }

  private static void check(List<Excess> over, String figure, int value, Integer bound) {
    if (bound != null && value > bound) {
      over.add(new Excess(figure, value, bound));
    }
  }
}
