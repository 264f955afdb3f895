package io.blastgate.plugin;

import io.blastgate.model.BlastRadiusRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.internal.kernel.api.CursorFactory;
import org.neo4j.internal.kernel.api.NodeCursor;
import org.neo4j.internal.kernel.api.PropertyCursor;
import org.neo4j.internal.kernel.api.Read;
import org.neo4j.internal.kernel.api.RelationshipTraversalCursor;
import org.neo4j.internal.kernel.api.TokenRead;
import org.neo4j.kernel.api.KernelTransaction;
import org.neo4j.storageengine.api.PropertySelection;
import org.neo4j.storageengine.api.RelationshipSelection;
import org.neo4j.token.api.TokenConstants;
import org.neo4j.values.storable.Value;

/**
 * The blast radius's hot path at the kernel's level: the walk up the dependants and the reads of each
 * workload and owner, with cursors allocated once per answer and tokens resolved once, instead of a
 * core-API object per node, relationship and property. Everything else of the answer (small) stays on
 * the core API. Needs the procedure to be allowed Neo4j's internal API ({@code
 * dbms.security.procedures.unrestricted=blastgate.*}); the embedded Neo4j allows it itself.
 */
final class StoreReads implements AutoCloseable {
  /** Positions in a workload's properties. */
  static final int ID = 0, NAME = 1, KIND = 2, CRITICALITY = 3, ENVIRONMENT = 4, STATUS = 5, SOURCES = 6;

  /** The position of the sources in an owner's properties (id, name and kind as a workload's). */
  static final int OWNER_SOURCES = 3;

  private static final String[] WORKLOAD_KEYS = {
    "id", "name", "kind", "criticality", "environment", "status", "sources"
  };
  private static final String[] OWNER_KEYS = {"id", "name", "kind", "sources"};

  private final Read read;
  private final NodeCursor node;
  private final NodeCursor other;
  private final NodeCursor member;
  private final RelationshipTraversalCursor rels;
  private final RelationshipTraversalCursor memberRels;
  private final PropertyCursor props;

  private final int workload;
  private final int owner;
  /** The tokens of the types of Schema.DEPENDANTS that exist. */
  private final int[] dependantTypes;
  private final int owns;
  private final int[] workloadKeys;
  private final int[] ownerKeys;
  private final PropertySelection workloadSelection;
  private final PropertySelection ownerSelection;
  private final RelationshipSelection dependantsAndOwners;
  private final RelationshipSelection memberships;
  private final int memberOf;

  StoreReads(KernelTransaction ktx) {
    this.read = ktx.dataRead();
    TokenRead tokens = ktx.tokenRead();
    CursorFactory cursors = ktx.cursors();
    this.node = cursors.allocateNodeCursor(ktx.cursorContext(), ktx.memoryTracker());
    this.other = cursors.allocateNodeCursor(ktx.cursorContext(), ktx.memoryTracker());
    this.member = cursors.allocateNodeCursor(ktx.cursorContext(), ktx.memoryTracker());
    this.rels = cursors.allocateRelationshipTraversalCursor(ktx.cursorContext(), ktx.memoryTracker());
    this.memberRels =
        cursors.allocateRelationshipTraversalCursor(ktx.cursorContext(), ktx.memoryTracker());
    this.props = cursors.allocatePropertyCursor(ktx.cursorContext(), ktx.memoryTracker());
    this.workload = tokens.nodeLabel(Schema.WORKLOAD.name());
    this.owner = tokens.nodeLabel(Schema.OWNER.name());
    this.dependantTypes = known(types(tokens, Schema.DEPENDANTS));
    this.owns = tokens.relationshipType(Schema.OWNS.name());
    this.workloadKeys = keys(tokens, WORKLOAD_KEYS);
    this.ownerKeys = keys(tokens, OWNER_KEYS);
    this.workloadSelection = PropertySelection.selection(known(workloadKeys));
    this.ownerSelection = PropertySelection.selection(known(ownerKeys));
    int[] dependantsAndOwners = Arrays.copyOf(dependantTypes, dependantTypes.length + 1);
    dependantsAndOwners[dependantTypes.length] = owns;
    this.dependantsAndOwners =
        RelationshipSelection.selection(known(dependantsAndOwners), Direction.INCOMING);
    this.memberOf = tokens.relationshipType(Schema.MEMBER_OF.name());
    this.memberships = RelationshipSelection.selection(memberOf, Direction.OUTGOING);
  }

  /** What one expansion of a workload found. */
  record Expansion(List<Long> dependants, List<Long> owners) {}

  /** The nodes that depend on this one (Schema.DEPENDANTS) and those that own it, in one walk. */
  Expansion expand(long workloadRef) {
    List<Long> dependants = new ArrayList<>();
    List<Long> owners = new ArrayList<>(2);
    read.singleNode(workloadRef, node);
    if ((dependantTypes.length > 0 || owns != TokenConstants.NO_TOKEN) && node.next()) {
      node.relationships(rels, dependantsAndOwners);
      while (rels.next()) {
        int type = rels.type();
        if (isOneOf(type, dependantTypes)) {
          dependants.add(rels.otherNodeReference());
        } else if (type == owns) {
          owners.add(rels.otherNodeReference());
        }
      }
    }
    return new Expansion(dependants, owners);
  }

  /** A workload's properties (at {@link #ID}, {@link #NAME}…), or null if the node is no Workload. */
  Object[] workload(long ref) {
    return readNode(ref, workload, workloadKeys, workloadSelection);
  }

  /** An owner's id, name and kind, or null if the node is no Owner. */
  Object[] owner(long ref) {
    return readNode(ref, owner, ownerKeys, ownerSelection);
  }

  /** The ids of the teams (Owners of kind team) that a person is a member of. */
  List<String> teamsOf(long personRef) {
    List<String> teams = new ArrayList<>(1);
    read.singleNode(personRef, member);
    if (memberOf == TokenConstants.NO_TOKEN || !member.next()) {
      return teams;
    }
    member.relationships(memberRels, memberships);
    while (memberRels.next()) {
      if (memberRels.type() != memberOf) {
        continue;
      }
      Object[] team = owner(memberRels.otherNodeReference());
      if (team != null && BlastRadiusRules.TEAM.equals(team[KIND]) && team[ID] instanceof String id) {
        teams.add(id);
      }
    }
    return teams;
  }

  private Object[] readNode(long ref, int label, int[] keys, PropertySelection selection) {
    read.singleNode(ref, other);
    if (label == TokenConstants.NO_TOKEN || !other.next() || !other.hasLabel(label)) {
      return null;
    }
    Object[] out = new Object[keys.length];
    other.properties(props, selection);
    while (props.next()) {
      int key = props.propertyKey();
      for (int i = 0; i < keys.length; i++) {
        if (keys[i] == key) {
          Value value = props.propertyValue();
          out[i] = value.asObjectCopy();
          break;
        }
      }
    }
    return out;
  }

  private static int[] keys(TokenRead tokens, String[] names) {
    int[] out = new int[names.length];
    for (int i = 0; i < names.length; i++) {
      out[i] = tokens.propertyKey(names[i]);
    }
    return out;
  }

  private static int[] types(TokenRead tokens, RelationshipType[] types) {
    int[] out = new int[types.length];
    for (int i = 0; i < types.length; i++) {
      out[i] = tokens.relationshipType(types[i].name());
    }
    return out;
  }

  private static boolean isOneOf(int token, int[] tokens) {
    for (int t : tokens) {
      if (t == token) {
        return true;
      }
    }
    return false;
  }

  /** Tokens that exist: a key or type never written is on no node. */
  private static int[] known(int[] tokens) {
    return Arrays.stream(tokens).filter(t -> t != TokenConstants.NO_TOKEN).toArray();
  }

  @Override
  public void close() {
    node.close();
    other.close();
    member.close();
    rels.close();
    memberRels.close();
    props.close();
  }
}
