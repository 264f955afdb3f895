package io.blastgate.plugin;

import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;
import org.neo4j.kernel.api.KernelTransaction;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Name;
import org.neo4j.procedure.Procedure;
import org.neo4j.procedure.TerminationGuard;

/**
 * The blast radius of {@code graph-model/README.md}, computed inside Neo4j in one pass over the store: the same
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

  /**
   * One row of the answer: a batch of impacted workloads in compact form (blast-radius.cypher says
   * how to read it), or, last, the rest of the answer.
   */
  public static final class Row {
    /** The ids of this row's workloads. */
    public final List<String> ids;

    /** Their names (the id when a workload has none). */
    public final List<String> names;

    /**
     * Per workload, the parent of its via: the next entity toward the target (graph-model/README.md,
     * "Why it is impacted: via"), "" for none (the workload is the target).
     */
    public final List<String> parents;

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
        List<String> parents,
        List<Long> codes,
        List<String> words,
        List<List<Object>> owners,
        Map<String, Object> answer) {
      this.ids = ids;
      this.names = names;
      this.parents = parents;
      this.codes = codes;
      this.words = words;
      this.owners = owners;
      this.answer = answer;
    }

    static Row last(Map<String, Object> answer) {
      return new Row(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), answer);
    }
  }

  @Procedure(name = "blastgate.blastRadius", mode = Mode.READ)
  @Description(
      "blastgate.blastRadius(id, maxHops): what breaks if the identity, credential or workload with"
          + " this id is contained (graph-model/README.md): rows of impacted workloads, then a last row with"
          + " the rest of the answer (null if no entity has this id)")
  public Stream<Row> blastRadius(@Name("id") String id, @Name("maxHops") long maxHops) {
    if (id == null) {
      throw new IllegalArgumentException("id must not be null");
    }
    if (maxHops < 0 || maxHops > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("maxHops must be an integer from 0, was " + maxHops);
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
                  new BlastRadiusWalk(target, (int) maxHops, store, tx, guard),
                  Spliterator.ORDERED),
              false)
          .onClose(store::close);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }
}
