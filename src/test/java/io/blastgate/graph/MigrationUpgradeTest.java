package io.blastgate.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database made by an older release (migrations V001 and V002, with data) takes the newer ones at
 * start-up: the search index comes back eventually consistent and still finds what was there, and the
 * per-label id lookups move from constraints to plain indexes while ids stay unique.
 */
class MigrationUpgradeTest {
  @Test
  void aDatabaseOfV002TakesV003AndV004WithItsData(@TempDir Path dir) {
    try (GraphConnection connection = GraphConnection.open(GraphSettings.embedded(dir))) {
      Graph graph = connection.graph();
      // GraphConnection applied every migration: start again from a V002 database.
      run(graph, "MATCH (m:Migration) DETACH DELETE m");
      run(graph, "DROP INDEX entity_search IF EXISTS");
      run(graph, "CALL db.awaitIndexes(60)");
      for (String label : List.of("identity", "credential", "workload", "owner")) {
        run(graph, "DROP INDEX " + label + "_id IF EXISTS");
      }
      Migrations.apply(graph, List.of("V001__constraints.cypher", "V002__search.cypher"));
      assertThat(schema(graph)).contains("workload_id RANGE constraint", "entity_search FULLTEXT false");
      run(graph, "CREATE (:Entity:Credential {id: 'cred:stripe-key', name: 'Stripe API key', kind: 'api_token'})");
      run(graph, "CREATE (:Entity:Workload {id: 'wl:checkout', name: 'Checkout', kind: 'service'})");

      Migrations.apply(graph);
      Migrations.apply(graph);

      assertThat(schema(graph))
          .contains(
              "entity_id RANGE constraint",
              "workload_id RANGE", "identity_id RANGE", "credential_id RANGE", "owner_id RANGE",
              "entity_search FULLTEXT true")
          .doesNotContain("workload_id RANGE constraint");
      graph.awaitSearchIndex();
      assertThat(strings(graph, "CALL db.index.fulltext.queryNodes('entity_search', 'stripe') YIELD node RETURN node.id"))
          .containsExactly("cred:stripe-key");
      assertThat(strings(graph, "MATCH (w:Workload {id: 'wl:checkout'}) RETURN w.name")).containsExactly("Checkout");
      long applied = graph.read(HousekeepingQuery.APPLIED_MIGRATIONS, Map.of(), r -> (long) r.list().size());
      assertThat(applied).isEqualTo(Migrations.FILES.size());
    }
  }

  private static void run(Graph graph, String statement) {
    graph.writeTx("test", tx -> tx.runStatement(statement).consume());
  }

  private static List<String> strings(Graph graph, String statement) {
    return graph.readTx("test", tx -> tx.runStatement(statement).list(r -> r.get(0).asString()));
  }

  /** Each index as "name TYPE", then " constraint" if a constraint owns it, or the full-text setting. */
  private static List<String> schema(Graph graph) {
    return graph.readTx("test", tx -> tx.runStatement("""
        SHOW INDEXES YIELD name, type, owningConstraint, options
        RETURN name + ' ' + type
          + CASE WHEN owningConstraint IS NOT NULL THEN ' constraint' ELSE '' END
          + CASE WHEN type = 'FULLTEXT'
                 THEN ' ' + toString(coalesce(options.indexConfig.`fulltext.eventually_consistent`, false))
                 ELSE '' END AS line
        """).list(r -> r.get("line").asString()));
  }
}
