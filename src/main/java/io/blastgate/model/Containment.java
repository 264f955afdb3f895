package io.blastgate.model;

import java.time.Instant;
import java.util.Objects;

/**
 * The state an executed action left on its target in the graph (docs/policy.md, "The actions": what
 * each action records): the state ({@code revoked}, {@code disabled}, {@code suspended}, …), the
 * request that put it there, since when, and until when for a {@code suspend} (null otherwise). It
 * changes nothing of the target's blast radius (graph-model's rule: the radius depends on the target
 * only); it says what was already done, so that nobody asks for it twice.
 */
public record Containment(String state, String by, Instant since, Instant until) {
  public Containment {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(since, "since");
  }

  /**
   * From the target's properties ({@code containment}, {@code contained_by}, {@code contained_at},
   * {@code contained_until}, as the gate writes them); null when it carries none.
   */
  public static Containment of(Object state, Object by, Object since, Object until) {
    if (state == null) {
      return null;
    }
    return new Containment(state.toString(), Objects.requireNonNull(by, "contained_by").toString(),
        Instant.parse(Objects.requireNonNull(since, "contained_at").toString()),
        until == null ? null : Instant.parse(until.toString()));
  }
}
