package io.blastgate.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The relationship types of the model, each with the bundle field that asserts it and the labels it
 * joins ({@code graph-model/model.yaml}); a test keeps the two in step.
 */
public enum RelType {
  AUTHENTICATES_AS("authenticates_as", Label.CREDENTIAL, Set.of(Label.IDENTITY)),
  USES("uses", Label.WORKLOAD, Set.of(Label.CREDENTIAL)),
  RUNS_AS("runs_as", Label.WORKLOAD, Set.of(Label.IDENTITY)),
  CAN_ASSUME("can_assume", Label.IDENTITY, Set.of(Label.IDENTITY)),
  DEPENDS_ON("depends_on", Label.WORKLOAD, Set.of(Label.WORKLOAD)),
  OWNS("owns", Label.OWNER, Set.of(Label.IDENTITY, Label.CREDENTIAL, Label.WORKLOAD)),
  MEMBER_OF("member_of", Label.OWNER, Set.of(Label.OWNER));

  private final String bundleField;
  private final Label from;
  private final Set<Label> to;

  RelType(String bundleField, Label from, Set<Label> to) {
    this.bundleField = bundleField;
    this.from = from;
    this.to = to;
  }

  public String bundleField() {
    return bundleField;
  }

  public Label from() {
    return from;
  }

  public Set<Label> to() {
    return to;
  }

  public static Optional<RelType> fromBundleField(Label on, String field) {
    return Arrays.stream(values())
        .filter(t -> t.from == on && t.bundleField.equals(field))
        .findFirst();
  }
}
