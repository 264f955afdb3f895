package io.blastgate.importer;

import io.blastgate.graph.CypherQuery;
import io.blastgate.model.Label;
import io.blastgate.model.RelType;

/** The Cypher files of the importer, under {@code cypher/queries/importer/}. */
enum ImporterQuery implements CypherQuery {
  FIND_ENTITIES("importer/find-entities.cypher"),
  FIND_WORKLOADS_OF_REPOSITORY("importer/find-workloads-of-repository.cypher"),
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
  CREATE_IDENTITIES("importer/create-identities.cypher"),
  CREATE_CREDENTIALS("importer/create-credentials.cypher"),
  CREATE_WORKLOADS("importer/create-workloads.cypher"),
  CREATE_OWNERS("importer/create-owners.cypher"),
  CREATE_AUTHENTICATES_AS("importer/create-authenticates-as.cypher"),
  CREATE_USES("importer/create-uses.cypher"),
  CREATE_RUNS_AS("importer/create-runs-as.cypher"),
  CREATE_CAN_ASSUME("importer/create-can-assume.cypher"),
  CREATE_DEPENDS_ON("importer/create-depends-on.cypher"),
  CREATE_OWNS("importer/create-owns.cypher"),
  CREATE_MEMBER_OF("importer/create-member-of.cypher"),
  SOURCE_DIGESTS("importer/source-digests.cypher"),
  STATED_RELATIONSHIPS("importer/stated-relationships.cypher"),
  RETRACT_RELATIONSHIPS("importer/retract-relationships.cypher"),
  RETRACT_NODES("importer/retract-nodes.cypher"),
  RECORD_SOURCE("importer/record-source.cypher"),
  PUBLISH("importer/publish.cypher"),
  BEGIN_PUBLISHING("importer/begin-publishing.cypher"),
  TALLY_PART("importer/tally-part.cypher"),
  OPEN_JOURNALS("importer/open-journals.cypher"),
  CLOSE_JOURNAL("importer/close-journal.cypher"),
  RECORD_STOPPED_RUN("importer/record-stopped-run.cypher");

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

  /** The statement that creates nodes of a label that the graph does not hold yet. */
  static ImporterQuery createNodes(Label label) {
    return switch (label) {
      case IDENTITY -> CREATE_IDENTITIES;
      case CREDENTIAL -> CREATE_CREDENTIALS;
      case WORKLOAD -> CREATE_WORKLOADS;
      case OWNER -> CREATE_OWNERS;
    };
  }

  /** The statement that creates relationships of a type with an end the graph did not hold yet. */
  static ImporterQuery createRelationships(RelType type) {
    return switch (type) {
      case AUTHENTICATES_AS -> CREATE_AUTHENTICATES_AS;
      case USES -> CREATE_USES;
      case RUNS_AS -> CREATE_RUNS_AS;
      case CAN_ASSUME -> CREATE_CAN_ASSUME;
      case DEPENDS_ON -> CREATE_DEPENDS_ON;
      case OWNS -> CREATE_OWNS;
      case MEMBER_OF -> CREATE_MEMBER_OF;
    };
  }

  /**
   * Whether this statement MERGEs or retracts relationships: it locks both ends as it runs, so two such parts
   * written at once can deadlock each other over a shared node (seen at a million nodes, where the
   * retries cost more than the overlap gained). CREATE locks at commit, in order, and does not.
   */
  boolean mergesRelationships() {
    return switch (this) {
      case MERGE_AUTHENTICATES_AS, MERGE_USES, MERGE_RUNS_AS, MERGE_CAN_ASSUME, MERGE_DEPENDS_ON,
          MERGE_OWNS, MERGE_MEMBER_OF, RETRACT_RELATIONSHIPS, RETRACT_NODES -> true;
      default -> false;
    };
  }

  /** Whether this statement writes nodes (its written count is of entities). */
  boolean writesNodes() {
    return switch (this) {
      case MERGE_IDENTITIES, MERGE_CREDENTIALS, MERGE_WORKLOADS, MERGE_OWNERS, CREATE_IDENTITIES,
          CREATE_CREDENTIALS, CREATE_WORKLOADS, CREATE_OWNERS -> true;
      default -> false;
    };
  }

  /** Whether this statement retracts (and answers what it deleted) rather than writes rows. */
  boolean retracts() {
    return this == RETRACT_RELATIONSHIPS || this == RETRACT_NODES;
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
