package io.blastgate.gate;

import io.blastgate.graph.Graph;
import io.blastgate.graph.Row;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The policy in force, kept in the graph (one {@code GatePolicy} node) so that every blastgate
 * process on one Neo4j decides under the same policy and a restart keeps it; until one is set, the
 * program's default ({@code policy/default-policy.yaml}). A replacement is read and checked whole
 * before it is written: an invalid one changes nothing. Each decision reads which policy is in force
 * (its version and when it was put in force) with the target's facts, and the text is read and parsed
 * again only when that changed.
 */
public final class PolicyStore {
  private final Graph graph;
  private final PolicyReader reader;
  private final Policy shipped;
  private final Clock clock;
  private final GateAudit audit;
  /** The policy last read, and when it was put in force. */
  private record Known(Policy policy, String changedAt) {}

  private final AtomicReference<Known> cached = new AtomicReference<>();

  public PolicyStore(Graph graph, PolicyReader reader, GateAudit audit, Clock clock) {
    this.graph = graph;
    this.reader = reader;
    this.shipped = reader.defaults();
    this.audit = audit;
    this.clock = clock;
  }

  /** The policy in force now. */
  public Policy current() {
    // Bookkeeping outside the model, which no import writes: no need to wait for one.
    List<Row> rows = graph.readAnyState(GateQuery.READ_POLICY, Map.of(), r -> r.list());
    if (rows.isEmpty()) {
      return shipped;
    }
    Row row = rows.get(0);
    String changedAt = row.textOrNull("changed_at");
    Known known = cached.get();
    if (known != null && known.policy().version().equals(row.text("version"))
        && known.policy().text().equals(row.text("text"))) {
      // The same text put in force again: remember when, or every decision would read it again.
      if (!Objects.equals(known.changedAt(), changedAt)) {
        cached.set(new Known(known.policy(), changedAt));
      }
      return known.policy();
    }
    Policy read = reader.read(row.text("text"));
    cached.set(new Known(read, changedAt));
    return read;
  }

  /**
   * The policy in force, given which one the graph said is ({@code version} and {@code changedAt}
   * read in the caller's transaction; null for the program's default): the one known already when it
   * is the same, else read again.
   */
  Policy inForce(String version, String changedAt) {
    if (version == null) {
      return shipped;
    }
    Known known = cached.get();
    if (known != null && known.policy().version().equals(version) && Objects.equals(known.changedAt(), changedAt)) {
      return known.policy();
    }
    return current();
  }

  /**
   * Checks {@code text} whole, then puts it in force, with its {@code policy_changed} audit entry in
   * the same transaction; answers the policy now in force.
   */
  public Policy replace(String text, String changedBy) {
    Policy policy = reader.read(text);
    String before = current().version();
    graph.writeTx("put a policy in force", tx -> {
      tx.run(GateQuery.WRITE_POLICY, Map.of("version", policy.version(), "text", policy.text(),
          "changed_at", clock.instant().toString(), "changed_by", changedBy)).consume();
      audit.record(tx, "policy_changed", changedBy, null, null, Map.of("version", policy.version(),
          "previous_version", before, "sha256", sha256(policy.text())));
      return null;
    });
    cached.set(null); // the next decision reads it back, with when it was put in force
    return policy;
  }

  private static String sha256(String text) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
