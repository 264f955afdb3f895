package io.blastgate.plugin;

import io.blastgate.model.BlastRadiusRules;
import io.blastgate.model.RelType;
import io.blastgate.model.Traversal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.RelationshipType;

/**
 * The model's labels and relationship types as the plugin meets them inside Neo4j. Every relationship
 * type the walk follows comes from a named traversal of the model ({@link Traversal}, which {@code
 * GraphModel} holds equal to {@code graph-model/model.yaml}), converted here once; {@code
 * PluginTraversalsTest} holds what the walk follows for each traversal to the model file.
 */
final class Schema {
  private Schema() {}

  static final Label ENTITY = Label.label("Entity");
  static final Label SOURCE = Label.label("Source");
  static final Label IDENTITY = Label.label(io.blastgate.model.Label.IDENTITY.cypherName());
  static final Label CREDENTIAL = Label.label(io.blastgate.model.Label.CREDENTIAL.cypherName());
  static final Label WORKLOAD = Label.label(io.blastgate.model.Label.WORKLOAD.cypherName());
  static final Label OWNER = Label.label(io.blastgate.model.Label.OWNER.cypherName());

  private static final Label[] TARGET_LABELS = {IDENTITY, CREDENTIAL, WORKLOAD, OWNER};

  /** The types the walk follows for each traversal, recorded as the fields below are made. */
  private static final Map<Traversal, List<RelationshipType>> WALKED =
      new EnumMap<>(Traversal.class);

  // Three traversals are one step, in one direction from one label: the walk follows all their types

  /** dependent_identities: the identities that can assume an identity (incoming). */
  static final RelationshipType[] DEPENDENT_IDENTITIES = allOf(Traversal.DEPENDENT_IDENTITIES);

  /** direct_workloads_of_credential: the workloads that use a credential target (incoming). */
  static final RelationshipType[] DIRECT_WORKLOADS_OF_CREDENTIAL =
      allOf(Traversal.DIRECT_WORKLOADS_OF_CREDENTIAL);

  /** dependants: the workloads that depend on a workload (incoming). */
  static final RelationshipType[] DEPENDANTS = allOf(Traversal.DEPENDANTS);

  // The other three cannot be matched to one step. direct_workloads_of_identity is RUNS_AS into an
  // identity, AUTHENTICATES_AS into it, then USES into those credentials; ownership is OWNS into a
  // workload, then MEMBER_OF out of a person; shared_secret_reach is USES into a credential, then
  // OWNS and MEMBER_OF. Each hop has its own direction and end label, and the answer's order follows
  // the order of the hops, so the walk takes each hop's type by name, and hop() refuses a type that
  // one of its traversals does not follow. PluginTraversalsTest checks that the hops of a traversal
  // follow all of its types.

  /** Workloads that run as an identity (incoming). */
  static final RelationshipType RUNS_AS =
      hop(RelType.RUNS_AS, Traversal.DIRECT_WORKLOADS_OF_IDENTITY);

  /**
   * Credentials that authenticate as an identity (incoming). The same hop finds the credentials of an
   * identity target whose shared-secret reach the answer reports: a step that no traversal of the
   * model names ({@code credentials-of-identity.cypher} names none either).
   */
  static final RelationshipType AUTHENTICATES_AS =
      hop(RelType.AUTHENTICATES_AS, Traversal.DIRECT_WORKLOADS_OF_IDENTITY);

  /**
   * Workloads that use a credential of a dependent identity, or a credential whose shared-secret reach
   * the answer reports (incoming).
   */
  static final RelationshipType USES =
      hop(RelType.USES, Traversal.DIRECT_WORKLOADS_OF_IDENTITY, Traversal.SHARED_SECRET_REACH);

  /** The owners of a workload (incoming). */
  static final RelationshipType OWNS =
      hop(RelType.OWNS, Traversal.OWNERSHIP, Traversal.SHARED_SECRET_REACH);

  /**
   * The teams of a person (outgoing), as {@link BlastRadiusRules} says. An owner's teams are read
   * once per answer and serve both traversals.
   */
  static final RelationshipType MEMBER_OF =
      hop(BlastRadiusRules.MEMBERSHIP, Traversal.OWNERSHIP, Traversal.SHARED_SECRET_REACH);

  /** The model label of an entity (Identity, Credential, Workload or Owner), or null. */
  static String targetLabel(Node node) {
    for (Label l : TARGET_LABELS) {
      if (node.hasLabel(l)) {
        return l.name();
      }
    }
    return null;
  }

  /** The relationship types the walk follows for a traversal; none for one it does not walk. */
  static List<RelationshipType> walked(Traversal traversal) {
    return Collections.unmodifiableList(WALKED.getOrDefault(traversal, List.of()));
  }

  private static RelationshipType[] allOf(Traversal traversal) {
    RelationshipType[] types =
        traversal.types().stream().map(Schema::type).toArray(RelationshipType[]::new);
    for (RelationshipType type : types) {
      walks(traversal, type);
    }
    return types;
  }

  private static RelationshipType hop(RelType type, Traversal... traversals) {
    RelationshipType converted = type(type);
    for (Traversal traversal : traversals) {
      if (!traversal.follows(type)) {
        throw new IllegalStateException(
            "the plugin walks " + type + " for " + traversal.modelName() + ", which lacks it");
      }
      walks(traversal, converted);
    }
    return converted;
  }

  private static void walks(Traversal traversal, RelationshipType type) {
    WALKED.computeIfAbsent(traversal, t -> new ArrayList<>()).add(type);
  }

  private static RelationshipType type(RelType t) {
    return RelationshipType.withName(t.name());
  }
}
