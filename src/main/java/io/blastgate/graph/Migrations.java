package io.blastgate.graph;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the versioned schema migrations of {@code cypher/migrations/} in order at start-up, each
 * once, and records them. Statements are written to be safe to apply again; a migration whose file
 * changed after it was applied stops the start-up instead of leaving the schema in doubt.
 */
public final class Migrations {
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  /** Every migration, in the order it applies; a test checks this list against the folder. */
  static final List<String> FILES =
      List.of(
          "V001__constraints.cypher",
          "V002__search.cypher",
          "V003__search_after_commit.cypher",
          "V004__label_indexes.cypher",
          "V005__publication.cypher",
          "V006__action_requests.cypher",
          "V007__audit.cypher",
          "V008__gate_processes.cypher");

  /**
   * How long one schema statement may take. Not the graph's query timeout: a migration may wait for an
   * index to be populated ({@code db.awaitIndexes(600)}), which on a graph of a million nodes (a bulk
   * load's, opened for the first time) took longer than the query timeout's 30 seconds.
   */
  static final Duration SCHEMA_TIMEOUT = Duration.ofMinutes(15);

  private Migrations() {}

  public static void apply(Graph graph) {
    apply(graph, FILES);
  }

  /** The given migrations, in order: a test brings a database up to an older schema with it. */
  static void apply(Graph graph, List<String> files) {
    Map<String, String> applied =
        graph.readAnyState(
            "applied-migrations",
            tx -> {
              Map<String, String> found = new HashMap<>();
              tx.run(HousekeepingQuery.APPLIED_MIGRATIONS, Map.of())
                  .forEachRemaining(
                      r -> found.put(r.text("version"), r.text("checksum")));
              return found;
            });
    for (String file : files) {
      String text = CypherFiles.load("migrations/" + file);
      String version = file.substring(0, file.indexOf("__"));
      String checksum = sha256(text);
      String known = applied.get(version);
      if (known != null) {
        if (!known.equals(checksum)) {
          throw new IllegalStateException(
              "schema migration " + version + " changed after it was applied; add a new one instead");
        }
        continue;
      }
      // Schema statements cannot share a transaction with each other's data writes: one each.
      for (String statement : statements(text)) {
        graph.writeTx("migration " + version, SCHEMA_TIMEOUT, tx -> tx.runStatement(statement).consume());
      }
      graph.writeTx(
          "record migration " + version,
          tx ->
              tx.run(HousekeepingQuery.RECORD_MIGRATION, Map.of("version", version, "checksum", checksum))
                  .consume());
      LOG.info("applied schema migration {}", file);
    }
  }

  /** The statements of a migration file: separated by semicolons, comments dropped. */
  static List<String> statements(String text) {
    String withoutComments =
        Arrays.stream(text.split("\n"))
            .filter(line -> !line.strip().startsWith("//"))
            .reduce("", (a, b) -> a + b + "\n");
    return Arrays.stream(withoutComments.split(";"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
