package io.blastgate.plugin;

import io.blastgate.model.RelType;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.RelationshipType;

/** The model's labels and relationship types as the plugin meets them inside Neo4j. */
final class Schema {
  private Schema() {}

  static final Label ENTITY = Label.label("Entity");
  static final Label SOURCE = Label.label("Source");
  static final Label IDENTITY = Label.label(io.blastgate.model.Label.IDENTITY.cypherName());
  static final Label CREDENTIAL = Label.label(io.blastgate.model.Label.CREDENTIAL.cypherName());
  static final Label WORKLOAD = Label.label(io.blastgate.model.Label.WORKLOAD.cypherName());
  static final Label OWNER = Label.label(io.blastgate.model.Label.OWNER.cypherName());

  static final RelationshipType AUTHENTICATES_AS = type(RelType.AUTHENTICATES_AS);
  static final RelationshipType USES = type(RelType.USES);
  static final RelationshipType RUNS_AS = type(RelType.RUNS_AS);
  static final RelationshipType CAN_ASSUME = type(RelType.CAN_ASSUME);
  static final RelationshipType DEPENDS_ON = type(RelType.DEPENDS_ON);
  static final RelationshipType OWNS = type(RelType.OWNS);
  static final RelationshipType MEMBER_OF = type(RelType.MEMBER_OF);

  private static final Label[] TARGET_LABELS = {IDENTITY, CREDENTIAL, WORKLOAD, OWNER};

  /** The model label of an entity (Identity, Credential, Workload or Owner), or null. */
  static String targetLabel(Node node) {
    for (Label l : TARGET_LABELS) {
      if (node.hasLabel(l)) {
        return l.name();
      }
    }
    return null;
  }

  private static RelationshipType type(RelType t) {
    return RelationshipType.withName(t.name());
  }
}
