package io.blastgate.gate;

import io.blastgate.model.Containment;
import io.blastgate.model.Label;
import java.util.Objects;

/**
 * What the gate knows of a target. {@code identityKind} is the identity kind whose limits apply: the
 * target's own kind for an identity, the kind of the identity a credential authenticates as (null
 * when it authenticates as none), null for a workload; {@code identityId} is that identity. A target
 * is protected when it is tagged {@code protected}, or is a credential of a protected identity.
 * {@code containment} is what an executed action already left on it (null: nothing); the gate's
 * decision does not read it, the request's life does (docs/policy.md, "Already contained").
 */
public record TargetFacts(
    String id, Label label, String kind, String identityKind, String identityId, boolean isProtected,
    Containment containment) {
  public static final String HUMAN = "human";
  public static final String DEFAULT_KIND = "default";

  public TargetFacts {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(kind, "kind");
  }

  /** Facts of a target that carries no containment. */
  public TargetFacts(String id, Label label, String kind, String identityKind, String identityId, boolean isProtected) {
    this(id, label, kind, identityKind, identityId, isProtected, null);
  }

  public boolean human() {
    return HUMAN.equals(identityKind);
  }

  /** The key of the policy's {@code identity_kinds} that names this target's limits, before falling back. */
  public String limitsKey() {
    return identityKind == null ? DEFAULT_KIND : identityKind;
  }
}
