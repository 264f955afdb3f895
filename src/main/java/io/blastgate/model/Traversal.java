package io.blastgate.model;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The named traversal sets of {@code graph-model/model.yaml} ({@code traversals:}): which relationship
 * types each walk of the blast radius follows, declared once and used by name by both engines (the
 * Cypher files say {@code // traversal: NAME}; the plugin walks {@link #types()}). A test keeps this
 * enum equal to the model file.
 */
public enum Traversal {
  DEPENDENT_IDENTITIES("dependent_identities", RelType.CAN_ASSUME),
  DIRECT_WORKLOADS_OF_CREDENTIAL("direct_workloads_of_credential", RelType.USES),
  DIRECT_WORKLOADS_OF_IDENTITY(
      "direct_workloads_of_identity", RelType.RUNS_AS, RelType.USES, RelType.AUTHENTICATES_AS),
  DEPENDANTS("dependants", RelType.DEPENDS_ON),
  OWNERSHIP("ownership", RelType.OWNS, RelType.MEMBER_OF),
  SHARED_SECRET_REACH("shared_secret_reach", RelType.USES, RelType.OWNS, RelType.MEMBER_OF),
  NEIGHBOURS(
      "neighbours",
      RelType.AUTHENTICATES_AS,
      RelType.USES,
      RelType.RUNS_AS,
      RelType.CAN_ASSUME,
      RelType.DEPENDS_ON,
      RelType.OWNS,
      RelType.MEMBER_OF);

  private final String modelName;
  private final Set<RelType> types;

  Traversal(String modelName, RelType first, RelType... rest) {
    this.modelName = modelName;
    this.types = EnumSet.of(first, rest);
  }

  /** The traversal's name in the model file, e.g. {@code dependent_identities}. */
  public String modelName() {
    return modelName;
  }

  /** The relationship types it follows. */
  public Set<RelType> types() {
    return EnumSet.copyOf(types);
  }

  public boolean follows(RelType type) {
    return types.contains(type);
  }

  public static Optional<Traversal> fromModelName(String name) {
    return Arrays.stream(values()).filter(t -> t.modelName.equals(name)).findFirst();
  }
}
