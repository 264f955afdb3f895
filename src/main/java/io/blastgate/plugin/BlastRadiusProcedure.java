package io.blastgate.plugin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.ResourceIterable;
import org.neo4j.graphdb.Transaction;
import org.neo4j.kernel.api.KernelTransaction;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Name;
import org.neo4j.procedure.Procedure;
import org.neo4j.procedure.TerminationGuard;

/**
 * The blast radius of {@code model.md}, computed inside Neo4j in one pass over the store: the same
 * answer as the Cypher queries of {@code cypher/queries/blastradius/}, without a round trip per level
 * or a Cypher row per workload, streamed in compact batches of workloads. The client ({@code
 * io.blastgate.blastradius}) uses it when the plugin of its own protocol version is installed, and the
 * Cypher queries otherwise; tests hold the two to the same oracle and to each other.
 *
 * <p>Read-only; it walks only the relationship types of the traversals named in {@code
 * graph-model/model.yaml} and returns one row whose {@code answer} map is described in {@code
 * cypher/queries/blastradius/blast-radius.cypher}.
 */
public final class BlastRadiusProcedure {
  @Context public Transaction tx;

  @Context public KernelTransaction ktx;

  @Context public TerminationGuard guard;

  /** Impacted workloads per row, at most. */
  static final int BATCH = 256;

  /**
   * One row of the answer: a batch of impacted workloads in compact form (blast-radius.cypher says
   * how to read it), or, last, the rest of the answer.
   */
  public static final class Row {
    /** The ids of this row's workloads. */
    public final List<String> ids;

    /** Their names (the id when a workload has none). */
    public final List<String> names;

    /** Per workload: hops, kind, criticality, environment, status (as words), n, then n owners. */
    public final List<Long> codes;

    /** Words first used in this row; word 0 is null, the first word ever sent is 1. */
    public final List<String> words;

    /** Owners first met in this row, each [id, name, kind, teams]; the first ever sent is 0. */
    public final List<List<Object>> owners;

    /** In the last row only: the rest of the answer, or null if no entity has the id. */
    public final Map<String, Object> answer;

    Row(
        List<String> ids,
        List<String> names,
        List<Long> codes,
        List<String> words,
        List<List<Object>> owners,
        Map<String, Object> answer) {
      this.ids = ids;
      this.names = names;
      this.codes = codes;
      this.words = words;
      this.owners = owners;
      this.answer = answer;
    }

    static Row last(Map<String, Object> answer) {
      return new Row(List.of(), List.of(), List.of(), List.of(), List.of(), answer);
    }
  }

  @Procedure(name = "blastgate.blastRadius", mode = Mode.READ)
  @Description(
      "blastgate.blastRadius(id, maxHops): what breaks if the identity, credential or workload with"
          + " this id is contained (model.md): rows of impacted workloads, then a last row with"
          + " the rest of the answer (null if no entity has this id)")
  public Stream<Row> blastRadius(@Name("id") String id, @Name("maxHops") long maxHops) {
    if (id == null) {
      throw new IllegalArgumentException("id must not be null");
    }
    if (maxHops < 1 || maxHops > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("maxHops must be a positive integer, was " + maxHops);
    }
    Node target = tx.findNode(Schema.ENTITY, "id", id);
    if (target == null) {
      return Stream.of(Row.last(null));
    }
    // Rows go out as the search reaches them: Neo4j never holds a large answer whole, and the client
    // can read one batch of rows while the next is computed.
    StoreReads store = new StoreReads(ktx);
    try {
      return StreamSupport.stream(
              Spliterators.spliteratorUnknownSize(
                  new Walk(target, (int) maxHops, store), Spliterator.ORDERED),
              false)
          .onClose(store::close);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /**
   * One answer's walk, breadth-first, a row of up to {@link #BATCH} impacted workloads per step. Nodes
   * are keyed by their internal id, valid within this transaction.
   */
  // Entity.getId() is deprecated for removal: it is the kernel's own reference, which StoreReads walks
  // with, and the plugin is built and tested against the one Neo4j version pom.xml pins. When it goes,
  // the few core-API nodes here (the target, its direct workloads, identities) move to StoreReads.
  @SuppressWarnings({"deprecation", "removal"})
  private final class Walk implements Iterator<Row> {
    private final int maxHops;
    private boolean truncated;
    /** The number of each owner met, by its node; NOT_AN_OWNER for a node that is no Owner. */
    private final Map<Long, Integer> ownerNumbers = new HashMap<>();
    private final List<String> ownerIds = new ArrayList<>();
    private final List<List<String>> ownerTeams = new ArrayList<>();
    /** The number of each word sent (kinds, criticalities, environments, statuses). */
    private final Map<String, Long> wordNumbers = new HashMap<>();
    /** What the next row carries. */
    private List<String> ids = new ArrayList<>();
    private List<String> names = new ArrayList<>();
    private List<Long> codes = new ArrayList<>();
    private List<String> newWords = new ArrayList<>();
    private List<List<Object>> newOwners = new ArrayList<>();
    /** Every workload met, by node: its properties, read once, and its depth once reached. */
    private final Map<Long, Met> workloads = new HashMap<>();
    private final StoreReads store;

    private final Map<String, Object> answer = new LinkedHashMap<>();
    private List<Node> credentials = List.of();
    private List<Long> level = null;
    private List<Long> nextLevel = new ArrayList<>();
    private int index;
    private int depth;
    private boolean finished;
    private Row pending;

    Walk(Node target, int maxHops, StoreReads store) {
      this.maxHops = maxHops;
      this.store = store;
      String label = Schema.targetLabel(target);
      Map<String, Object> props = target.getProperties("id", "name", "kind");
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("id", props.get("id"));
      t.put("label", label);
      t.put("kind", props.get("kind"));
      t.put("name", nameOf(props));
      answer.put("target", t);
      if (label == null || label.equals(Schema.OWNER.name())) {
        return;
      }
      List<Map<String, Object>> dependents = List.of();
      Collection<Node> direct;
      if (label.equals(Schema.CREDENTIAL.name())) {
        direct = activeWorkloadsUsing(target, new LinkedHashMap<>());
        credentials = List.of(target);
      } else if (label.equals(Schema.IDENTITY.name())) {
        Map<Long, Node> identities = new LinkedHashMap<>();
        dependents = dependentIdentities(target, identities);
        direct = workloadsOfIdentities(identities.values());
        credentials = neighbours(target, Direction.INCOMING, Schema.AUTHENTICATES_AS, Schema.CREDENTIAL);
      } else {
        direct = isActive(target) ? List.of(target) : List.of();
      }
      answer.put("dependents", dependents);
      answer.put("direct", (long) direct.size());
      level = new ArrayList<>(direct.size());
      for (Node n : direct) {
        level.add(n.getId());
        met(n.getId()).depth = 0;
      }
    }

    @Override
    public boolean hasNext() {
      if (pending == null && !finished) {
        pending = advance();
      }
      return pending != null;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Row row = pending;
      pending = null;
      return row;
    }

    /**
     * The next batch of impacted workloads: expanding each finds both its dependants (the next
     * level, or, at the bound, whether anything lay beyond) and its owners. Then the last row.
     */
    private Row advance() {
      while (level != null && ids.size() < BATCH) {
        if (index < level.size()) {
          long w = level.get(index++);
          StoreReads.Expansion found = store.expand(w);
          List<Integer> owned = new ArrayList<>(found.owners().size());
          for (long o : found.owners()) {
            int number = owner(o);
            if (number != NOT_AN_OWNER && !owned.contains(number)) {
              owned.add(number);
            }
          }
          for (long u : found.dependants()) {
            Met dependant = met(u);
            if (!dependant.active() || dependant.depth >= 0) {
              continue;
            }
            if (depth < maxHops) {
              dependant.depth = depth + 1;
              nextLevel.add(u);
            } else {
              truncated = true;
            }
          }
          add(w, depth, owned);
          continue;
        }
        guard.check();
        if (nextLevel.isEmpty()) {
          level = null;
        } else {
          level = nextLevel;
          nextLevel = new ArrayList<>();
          index = 0;
          depth++;
        }
      }
      if (!ids.isEmpty()) {
        Row row = new Row(ids, names, codes, newWords, newOwners, null);
        ids = new ArrayList<>();
        names = new ArrayList<>();
        codes = new ArrayList<>();
        newWords = new ArrayList<>();
        newOwners = new ArrayList<>();
        return row;
      }
      finished = true;
      store.close();
      if (answer.containsKey("direct")) {
        answer.put("truncated", truncated);
        List<Map<String, Object>> reach = new ArrayList<>();
        credentials.stream()
            .sorted(Comparator.comparing(c -> (String) c.getProperty("id")))
            .forEach(c -> reach.add(credentialReach(c)));
        answer.put("shared_secrets", reach);
        answer.put("sources", sources());
      }
      return Row.last(answer);
    }

    /** An impacted workload into the next row. */
    private void add(long w, int hops, List<Integer> owned) {
      Object[] p = props(w);
      String id = (String) p[StoreReads.ID];
      ids.add(id);
      names.add(p[StoreReads.NAME] instanceof String name ? name : id);
      codes.add((long) hops);
      codes.add(word(p[StoreReads.KIND]));
      codes.add(word(p[StoreReads.CRITICALITY]));
      codes.add(word(p[StoreReads.ENVIRONMENT]));
      codes.add(word(p[StoreReads.STATUS]));
      codes.add((long) owned.size());
      if (owned.size() > 1) {
        owned.sort(Comparator.comparing(ownerIds::get));
      }
      for (int number : owned) {
        codes.add((long) number);
      }
    }

    /** A word's number, sent with the next row the first time it is used; null is 0. */
    private long word(Object value) {
      if (!(value instanceof String text)) {
        return 0;
      }
      Long number = wordNumbers.get(text);
      if (number == null) {
        number = (long) wordNumbers.size() + 1;
        wordNumbers.put(text, number);
        newWords.add(text);
      }
      return number;
    }

    /** Breadth-first from {@code start}, exactly as the client's level-by-level search. */
    private Map<Long, Integer> search(Collection<Long> start, Function<Long, List<Long>> expand) {
      Map<Long, Integer> depths = new LinkedHashMap<>();
      start.forEach(n -> depths.putIfAbsent(n, 0));
      List<Long> frontier = new ArrayList<>(depths.keySet());
      int depth = 0;
      while (!frontier.isEmpty() && depth < maxHops) {
        guard.check();
        depth++;
        List<Long> next = new ArrayList<>();
        for (Long n : frontier) {
          for (Long m : expand.apply(n)) {
            if (depths.putIfAbsent(m, depth) == null) {
              next.add(m);
            }
          }
        }
        frontier = next;
      }
      for (Long n : frontier) {
        for (Long m : expand.apply(n)) {
          if (!depths.containsKey(m)) {
            truncated = true;
            return depths;
          }
        }
      }
      return depths;
    }

    private List<Map<String, Object>> dependentIdentities(Node target, Map<Long, Node> identities) {
      identities.put(target.getId(), target);
      Map<Long, Integer> depths =
          search(
              List.of(target.getId()),
              nodeId -> {
                List<Long> out = new ArrayList<>();
                for (Node x :
                    neighbours(
                        identities.get(nodeId),
                        Direction.INCOMING,
                        Schema.CAN_ASSUME,
                        Schema.IDENTITY)) {
                  identities.putIfAbsent(x.getId(), x);
                  out.add(x.getId());
                }
                return out;
              });
      List<Map<String, Object>> out = new ArrayList<>(depths.size());
      depths.forEach(
          (nodeId, depth) -> {
            Map<String, Object> p = identities.get(nodeId).getProperties("id", "name", "kind");
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("id", p.get("id"));
            d.put("name", nameOf(p));
            d.put("kind", p.get("kind"));
            d.put("depth", (long) depth);
            out.add(d);
          });
      return out;
    }

    /** Workloads that run as one of the identities or use a credential authenticating as one. */
    private Collection<Node> workloadsOfIdentities(Collection<Node> identities) {
      Map<Long, Node> out = new LinkedHashMap<>();
      for (Node i : identities) {
        for (Node w : neighbours(i, Direction.INCOMING, Schema.RUNS_AS, Schema.WORKLOAD)) {
          if (isActive(w)) {
            out.putIfAbsent(w.getId(), w);
          }
        }
        for (Node c : neighbours(i, Direction.INCOMING, Schema.AUTHENTICATES_AS, Schema.CREDENTIAL)) {
          activeWorkloadsUsing(c, out);
        }
      }
      return out.values();
    }

    private Collection<Node> activeWorkloadsUsing(Node credential, Map<Long, Node> into) {
      for (Node w : neighbours(credential, Direction.INCOMING, Schema.USES, Schema.WORKLOAD)) {
        if (isActive(w)) {
          into.putIfAbsent(w.getId(), w);
        }
      }
      return into.values();
    }

    /** A node met as a workload: its properties read on first meeting (null if it is no Workload). */
    private Met met(long ref) {
      Met m = workloads.get(ref);
      if (m == null) {
        m = new Met(store.workload(ref));
        workloads.put(ref, m);
      }
      return m;
    }

    private Object[] props(long ref) {
      return met(ref).props;
    }

    private boolean isActive(Node w) {
      return met(w.getId()).active();
    }

    /**
     * An owner's number; on first meeting, its id, name, kind and teams (a team's are itself, a
     * person's the teams it is a member of) go out with the next row. NOT_AN_OWNER for a node
     * without the label.
     */
    private int owner(long ref) {
      Integer known = ownerNumbers.get(ref);
      if (known != null) {
        return known;
      }
      Object[] p = store.owner(ref);
      if (p == null || !(p[StoreReads.ID] instanceof String id)) {
        ownerNumbers.put(ref, NOT_AN_OWNER);
        return NOT_AN_OWNER;
      }
      Object kind = p[StoreReads.KIND];
      List<String> teams =
          "team".equals(kind)
              ? List.of(id)
              : "person".equals(kind)
                  ? store.teamsOf(ref).stream().sorted().distinct().toList()
                  : List.of();
      int number = ownerIds.size();
      ownerIds.add(id);
      ownerTeams.add(teams);
      ownerNumbers.put(ref, number);
      newOwners.add(Arrays.asList(id, p[StoreReads.NAME] != null ? p[StoreReads.NAME] : id, kind, teams));
      return number;
    }

    private Map<String, Object> credentialReach(Node c) {
      Map<String, Object> p = c.getProperties("id", "name", "kind");
      Map<Long, Node> consumers = new LinkedHashMap<>();
      activeWorkloadsUsing(c, consumers);
      TreeSet<String> ids = new TreeSet<>();
      TreeSet<String> teams = new TreeSet<>();
      TreeSet<String> environments = new TreeSet<>();
      for (Node w : consumers.values()) {
        Object[] wp = props(w.getId());
        ids.add((String) wp[StoreReads.ID]);
        if (wp[StoreReads.ENVIRONMENT] instanceof String env) {
          environments.add(env);
        }
        for (Node o : neighbours(w, Direction.INCOMING, Schema.OWNS, Schema.OWNER)) {
          int number = owner(o.getId());
          if (number != NOT_AN_OWNER) {
            teams.addAll(ownerTeams.get(number));
          }
        }
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("id", p.get("id"));
      out.put("name", nameOf(p));
      out.put("kind", p.get("kind"));
      out.put("consumers", new ArrayList<>(ids));
      out.put("teams", new ArrayList<>(teams));
      out.put("environments", new ArrayList<>(environments));
      return out;
    }

    private List<Map<String, Object>> sources() {
      List<Map<String, Object>> out = new ArrayList<>();
      try (var found = tx.findNodes(Schema.SOURCE)) {
        found.forEachRemaining(
            s -> {
              Map<String, Object> p = s.getProperties("name", "last_synced");
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("source", p.get("name"));
              m.put("last_synced", p.get("last_synced"));
              out.add(m);
            });
      }
      out.sort(Comparator.comparing(m -> (String) m.get("source")));
      return out;
    }

    /** The other ends of a node's relationships of one type and direction, carrying a label. */
    private List<Node> neighbours(
        Node node, Direction direction, RelationshipType type, Label label) {
      List<Node> out = new ArrayList<>();
      Set<Long> seen = new HashSet<>();
      try (ResourceIterable<Relationship> rels = node.getRelationships(direction, type)) {
        for (Relationship r : rels) {
          Node other = r.getOtherNode(node);
          if (other.hasLabel(label) && seen.add(other.getId())) {
            out.add(other);
          }
        }
      }
      return out;
    }
  }

  /** A node met in the walk: its workload properties (null if no Workload), its depth (-1: not reached). */
  private static final class Met {
    final Object[] props;
    int depth = -1;

    Met(Object[] props) {
      this.props = props;
    }

    boolean active() {
      return props != null && !"decommissioned".equals(props[StoreReads.STATUS]);
    }
  }

  private static final int NOT_AN_OWNER = -1;

  private static Object nameOf(Map<String, Object> props) {
    Object name = props.get("name");
    return name != null ? name : props.get("id");
  }
}
