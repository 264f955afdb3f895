package io.blastgate.importer;

import io.blastgate.graph.CypherQuery;
import io.blastgate.model.Label;
import io.blastgate.model.RelType;

/** The Cypher files of the importer, under {@code cypher/queries/importer/}. */
enum ImporterQuery implements CypherQuery {
  FIND_ENTITIES("importer/find-entities.cypher"),
  MERGE_IDENTITIES("importer/merge-identities.cypher"),
  MERGE_CREDENTIALS("importer/merge-credentials.cypher"),
  MERGE_WORKLOADS("importer/merge-workloads.cypher"),
  MERGE_OWNERS("importer/merge-owners.cypher"),
  MERGE_AUTHENTICATES_AS("importer/merge-authenticates-as.cypher"),
  MERGE_USES("importer/merge-uses.cypher"),
  MERGE_RUNS_AS("importer/merge-runs-as.cypher"),
  MERGE_CAN_ASSUME("importer/merge-can-assume.cypher"),
  MERGE_DEPENDS_ON("importer/merge-depends-on.cypher"),
  MERGE_OWNS("importer/merge-owns.cypher"),
  MERGE_MEMBER_OF("importer/merge-member-of.cypher"),
  RETRACT_STALE_RELATIONSHIPS("importer/retract-stale-relationships.cypher"),
  RETRACT_STALE_NODES("importer/retract-stale-nodes.cypher"),
  RECORD_SOURCE("importer/record-source.cypher");

  private final String file;

  ImporterQuery(String file) {
    this.file = file;
  }

  @Override
  public String file() {
    return file;
  }

  /** The statement that writes nodes of a label (labels cannot be parameters: one file each). */
  static ImporterQuery mergeNodes(Label label) {
    return switch (label) {
      case IDENTITY -> MERGE_IDENTITIES;
      case CREDENTIAL -> MERGE_CREDENTIALS;
      case WORKLOAD -> MERGE_WORKLOADS;
      case OWNER -> MERGE_OWNERS;
    };
  }

  /** The statement that writes relationships of a type. */
  static ImporterQuery mergeRelationships(RelType type) {
    return switch (type) {
      case AUTHENTICATES_AS -> MERGE_AUTHENTICATES_AS;
      case USES -> MERGE_USES;
      case RUNS_AS -> MERGE_RUNS_AS;
      case CAN_ASSUME -> MERGE_CAN_ASSUME;
      case DEPENDS_ON -> MERGE_DEPENDS_ON;
      case OWNS -> MERGE_OWNS;
      case MEMBER_OF -> MERGE_MEMBER_OF;
    };
  }
}
