package io.blastgate.audit;

import io.blastgate.graph.Graph;
import io.blastgate.graph.Row;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The audit trail in the graph: appends (inside the caller's write transaction, so that a change of
 * state and its entry commit together or not at all), the walk that verifies the whole chain, and the
 * listing. Appends are ordered by the write lock of the one {@code AuditHead} node, which each append
 * takes first: across threads and across processes sharing one Neo4j, seqs run 1, 2, 3… without a gap.
 * The key is read on first use (a feature that never audits never makes a key file).
 */
public final class AuditTrail {
  /** The prev_hash of entry 1: there is no entry before it. */
  public static final String GENESIS = "0".repeat(64);

  /** The largest page of a listing. */
  public static final int MAX_LIMIT = 500;

  /** Entries read per transaction by a walk or an export. */
  private static final int BATCH = 1000;

  /** The most entries outside the chain that a verification lists one by one. */
  private static final int MAX_OUTSIDE = 100;

  private final Graph graph;
  private final Supplier<AuditKey> keySource;
  private final Clock clock;
  private volatile AuditKey key;

  /** A trail over {@code graph} whose key {@code keySource} gives on first use (once). */
  public AuditTrail(Graph graph, Supplier<AuditKey> keySource, Clock clock) {
    this.graph = Objects.requireNonNull(graph, "graph");
    this.keySource = Objects.requireNonNull(keySource, "keySource");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public AuditTrail(Graph graph, AuditKey key, Clock clock) {
    this(graph, () -> key, clock);
  }

  /**
   * Reads (or makes) the key now rather than at the first append: a server checks it at start-up, so
   * that a key file it cannot use stops it instead of its first audited action.
   */
  public void loadKey() {
    key();
  }

  /**
   * Appends {@code record} inside the caller's write transaction {@code tx}: it takes the next seq
   * (locking the head until {@code tx} ends), chains to the entry before and writes the entry. Nothing
   * is written unless {@code tx} commits. The caller's work may be retried by the driver; this is then
   * run again with it.
   */
  public AuditEntry append(Graph.Tx tx, AuditRecord record) {
    Objects.requireNonNull(record, "record");
    AuditKey signer = key();
    Row head = tx.run(AuditQuery.ADVANCE_HEAD, Map.of()).single();
    long seq = head.number("seq");
    String prevHash = head.textOr("prev_hash", GENESIS);
    Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    AuditEntry unsigned = new AuditEntry(seq, at, record.event().wireName(), record.actor(), record.requestId(),
        record.target(), CanonicalJson.write(record.details()), prevHash, null);
    AuditEntry entry = withHash(unsigned, EntryHash.of(signer, unsigned));
    Map<String, Object> params = new HashMap<>();
    params.put("seq", entry.seq());
    params.put("at", OffsetDateTime.ofInstant(entry.at(), ZoneOffset.UTC));
    params.put("event", entry.event());
    params.put("actor", entry.actor());
    params.put("request_id", entry.requestId());
    params.put("target", entry.target());
    params.put("details", entry.details());
    params.put("prev_hash", entry.prevHash());
    params.put("hash", entry.hash());
    tx.run(AuditQuery.CREATE_ENTRY, params).consume();
    return entry;
  }

  /** Appends {@code record} in a write transaction of its own. */
  public AuditEntry append(AuditRecord record) {
    return graph.writeTx("audit-append", tx -> append(tx, record));
  }

  /** Walks the whole chain (see {@link ChainWalk}); a trail with no entries verifies. */
  public Verification verify() {
    AuditKey verifier = key();
    List<Row> heads = graph.readAnyState(AuditQuery.READ_HEAD, Map.of(), r -> r.list());
    boolean headPresent = !heads.isEmpty();
    long head = headPresent && heads.get(0).has("seq") ? heads.get(0).number("seq") : 0;
    String headHash = headPresent ? heads.get(0).textOrNull("last_hash") : null;
    ChainWalk walk = new ChainWalk(verifier, headPresent, head, headHash);
    long after = 0;
    while (true) {
      List<AuditEntry> batch = graph.readAnyState(AuditQuery.READ_ENTRIES,
          Map.of("after", after, "batch", BATCH, "upto", head), r -> r.list(AuditTrail::entry));
      if (batch.isEmpty()) {
        break;
      }
      batch.forEach(walk::accept);
      after = batch.getLast().seq();
    }
    List<String> outside = graph.readAnyState(AuditQuery.ENTRIES_BEYOND_HEAD, Map.of("limit", MAX_OUTSIDE),
        r -> r.list(row -> row.textOrNull("seq")));
    return walk.finish(outside);
  }

  /** One page of entries that {@code filter} selects, oldest first. */
  public AuditPage list(AuditFilter filter) {
    Map<String, Object> params = new HashMap<>();
    params.put("after_seq", filter.afterSeq());
    params.put("target", filter.target().orElse(null));
    params.put("request_id", filter.requestId().orElse(null));
    params.put("event", filter.event().map(AuditEvent::wireName).orElse(null));
    params.put("from", filter.from().map(i -> OffsetDateTime.ofInstant(i, ZoneOffset.UTC)).orElse(null));
    params.put("to", filter.to().map(i -> OffsetDateTime.ofInstant(i, ZoneOffset.UTC)).orElse(null));
    params.put("limit", filter.limit() + 1); // one more than the page, to know whether another follows
    List<AuditEntry> found = graph.readAnyState(AuditQuery.LIST_ENTRIES, params, r -> r.list(AuditTrail::entry));
    boolean more = found.size() > filter.limit();
    List<AuditEntry> page = more ? found.subList(0, filter.limit()) : found;
    return new AuditPage(page, more ? OptionalLong.of(page.getLast().seq()) : OptionalLong.empty());
  }

  /** Every entry, oldest first, read in batches: for an export. */
  public void each(Consumer<AuditEntry> sink) {
    AuditFilter filter = AuditFilter.all(MAX_LIMIT);
    while (true) {
      AuditPage page = list(filter);
      page.entries().forEach(sink);
      if (page.nextAfterSeq().isEmpty()) {
        return;
      }
      filter = filter.after(page.nextAfterSeq().getAsLong());
    }
  }

  private AuditKey key() {
    AuditKey k = key;
    if (k == null) {
      synchronized (this) {
        if (key == null) {
          key = Objects.requireNonNull(keySource.get(), "audit key");
        }
        k = key;
      }
    }
    return k;
  }

  /** When it was written; an {@code at} that is no longer a date-time is null, and its entry fails its hash. */
  private static Instant instantOrNull(Row r) {
    try {
      return r.instantOrNull("at");
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static AuditEntry withHash(AuditEntry e, String hash) {
    return new AuditEntry(e.seq(), e.at(), e.event(), e.actor(), e.requestId(), e.target(), e.details(), e.prevHash(), hash);
  }

  private static AuditEntry entry(Row r) {
    return new AuditEntry(r.number("seq"), instantOrNull(r), r.textOrNull("event"), r.textOrNull("actor"),
        r.textOrNull("request_id"), r.textOrNull("target"), r.textOr("details", ""), r.textOrNull("prev_hash"),
        r.textOrNull("hash"));
  }
}
