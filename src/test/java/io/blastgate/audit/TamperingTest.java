package io.blastgate.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.blastgate.graph.Graph;
import io.blastgate.testing.TestGraph;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Someone who can write the database but does not hold the key edits the trail directly in Neo4j; each
 * kind of edit is seen, and said in words that name the entry.
 */
@ExtendWith(TestGraph.class)
class TamperingTest {
  private AuditTrail trail;

  @BeforeEach
  void tenEntries(Graph graph) {
    trail = new AuditTrail(graph, AuditTrailTest.KEY, Clock.systemUTC());
    for (int i = 1; i <= 10; i++) {
      trail.append(AuditTrailTest.record(AuditEvent.REQUESTED, "person:ana", "req-" + i, "cred:k" + i));
    }
    assertThat(trail.verify().verified()).isTrue();
  }

  private static void tamper(String cypher) {
    TestGraph.database().executeTransactionally(cypher);
  }

  private List<String> problems() {
    Verification v = trail.verify();
    assertThat(v.verified()).isFalse();
    return v.problems().stream().map(Verification.Problem::message).toList();
  }

  @Test
  void aChangedFieldIsSeen() {
    tamper("MATCH (e:AuditEntry {seq: 7}) SET e.actor = 'person:mallory'");
    assertThat(problems()).containsExactly("entry 7 was changed: its hash does not match its contents");
  }

  @Test
  void changedDetailsAreSeen() {
    tamper("MATCH (e:AuditEntry {seq: 3}) SET e.details = '{\"figures\":{\"a\":1,\"b\":2},\"note\":\"m\"}'");
    assertThat(problems()).containsExactly("entry 3 was changed: its hash does not match its contents");
  }

  @Test
  void aChangedHashIsSeenThereAndInTheNextLink() {
    tamper("MATCH (e:AuditEntry {seq: 4}) SET e.hash = '" + "a".repeat(64) + "'");
    assertThat(problems()).containsExactly(
        "entry 4 was changed: its hash does not match its contents", "entry 5's link to entry 4 is broken");
  }

  /** Without the key, a forger cannot give an inserted entry a hash that recomputes. */
  @Test
  void anEntryInsertedInTheMiddleIsSeen() {
    tamper("MATCH (e:AuditEntry) WHERE e.seq >= 6 SET e.seq = e.seq + 1000");
    tamper("MATCH (e:AuditEntry) WHERE e.seq >= 1000 SET e.seq = e.seq - 999");
    tamper("MATCH (h:AuditHead) SET h.seq = 11");
    tamper("MATCH (p:AuditEntry {seq: 5}) CREATE (:AuditEntry {seq: 6, at: datetime(), event: 'approved',"
        + " actor: 'person:mallory', request_id: 'req-6', target: 'cred:k6', details: '{}', prev_hash: p.hash,"
        + " hash: '" + "b".repeat(64) + "'})");
    List<String> problems = problems();
    assertThat(problems).startsWith(
        "entry 6 was changed: its hash does not match its contents",
        "entry 7 was changed: its hash does not match its contents",
        "entry 7's link to entry 6 is broken");
    assertThat(problems).contains("entry 11 was changed: its hash does not match its contents");
  }

  @Test
  void anEntryInsertedBeyondTheHeadIsSeen() {
    tamper("MATCH (p:AuditEntry {seq: 10}) CREATE (:AuditEntry {seq: 11, at: datetime(), event: 'approved',"
        + " actor: 'person:mallory', details: '{}', prev_hash: p.hash, hash: '" + "c".repeat(64) + "'})");
    assertThat(problems()).containsExactly(
        "entry 11 is outside the chain (1 to 10): it was inserted, or the head was changed");
  }

  @Test
  void anEntryDeletedInTheMiddleIsSeen() {
    tamper("MATCH (e:AuditEntry {seq: 5}) DELETE e");
    assertThat(problems()).containsExactly("entry 5 is missing");
  }

  @Test
  void entriesDeletedInTheMiddleAreSeenAsOneGap() {
    tamper("MATCH (e:AuditEntry) WHERE e.seq IN [4, 5, 6] DELETE e");
    assertThat(problems()).containsExactly("entries 4 to 6 are missing");
  }

  @Test
  void theLastEntriesDeletedAreSeen() {
    tamper("MATCH (e:AuditEntry) WHERE e.seq >= 9 DELETE e");
    assertThat(problems()).containsExactly("entries after 8 were removed: the head counts 10");
  }

  @Test
  void everyEntryDeletedIsSeenWhileTheHeadIsThere() {
    tamper("MATCH (e:AuditEntry) DELETE e");
    assertThat(problems()).containsExactly("every entry was removed: the head counts 10");
  }

  @Test
  void twoSwappedSeqsAreSeen() {
    tamper("MATCH (a:AuditEntry {seq: 3}) SET a.seq = 1003");
    tamper("MATCH (b:AuditEntry {seq: 6}) SET b.seq = 3");
    tamper("MATCH (a:AuditEntry {seq: 1003}) SET a.seq = 6");
    assertThat(problems()).containsExactly(
        "entry 3 was changed: its hash does not match its contents",
        "entry 3's link to entry 2 is broken",
        "entry 4's link to entry 3 is broken",
        "entry 6 was changed: its hash does not match its contents",
        "entry 6's link to entry 5 is broken",
        "entry 7's link to entry 6 is broken");
  }

  @Test
  void aHeadSetBackIsSeen() {
    tamper("MATCH (h:AuditHead) SET h.seq = 8");
    assertThat(problems()).containsExactly(
        "the head does not match entry 8, the last one",
        "entry 9 is outside the chain (1 to 8): it was inserted, or the head was changed",
        "entry 10 is outside the chain (1 to 8): it was inserted, or the head was changed");
  }

  @Test
  void aHeadSetForwardIsSeen() {
    tamper("MATCH (h:AuditHead) SET h.seq = 12");
    assertThat(problems()).containsExactly("entries after 10 were removed: the head counts 12");
  }

  @Test
  void aHeadWithAnotherLastHashIsSeen() {
    tamper("MATCH (h:AuditHead) SET h.last_hash = '" + "d".repeat(64) + "'");
    assertThat(problems()).containsExactly("the head does not match entry 10, the last one");
  }

  @Test
  void aDeletedHeadIsSeen() {
    tamper("MATCH (h:AuditHead) DELETE h");
    List<String> problems = problems();
    assertThat(problems).first().isEqualTo("the head of the trail is missing, but entries are there");
    assertThat(problems).hasSize(11);
  }

  @Test
  void anEntryWhoseTimeIsNoLongerADateIsSeen() {
    tamper("MATCH (e:AuditEntry {seq: 2}) SET e.at = 'yesterday'");
    assertThat(problems()).containsExactly("entry 2 was changed: its hash does not match its contents");
  }

  @Test
  void anEntryWhoseSeqIsNoLongerAWholeNumberIsSeen() {
    tamper("MATCH (e:AuditEntry {seq: 4}) SET e.seq = 4.5");
    tamper("MATCH (e:AuditEntry {seq: 6}) SET e.seq = '6'");
    assertThat(problems()).containsExactlyInAnyOrder(
        "entry 4 is missing",
        "entry 6 is missing",
        "entry 4.5 is outside the chain (1 to 10): it was inserted, or the head was changed",
        "entry 6 is outside the chain (1 to 10): it was inserted, or the head was changed");
  }

  /**
   * What the chain alone cannot see (docs/audit.md): the last entries deleted and the head rewound to
   * the entry before, consistently. An exported copy shows it: its last hash is no longer in the trail.
   */
  @Test
  void theLastEntriesRemovedWithTheHeadRewoundAreNotSeenByTheChainAlone() {
    String lastExported = trail.list(AuditFilter.all(500)).entries().getLast().hash();
    tamper("MATCH (e:AuditEntry) WHERE e.seq >= 9 DELETE e");
    tamper("MATCH (h:AuditHead), (e:AuditEntry {seq: 8}) SET h.seq = 8, h.last_hash = e.hash");
    assertThat(trail.verify().verified()).isTrue();
    assertThat(trail.list(AuditFilter.all(500)).entries()).extracting(AuditEntry::hash).doesNotContain(lastExported);
  }
}
