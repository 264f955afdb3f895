package io.blastgate.audit;

import io.blastgate.audit.Verification.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One walk of the chain, fed its entries in seq order up to the head's seq as it was when the walk
 * began: whether the seqs run 1, 2, 3… without a gap or a repeat, whether each hash recomputes under
 * the key, whether each entry's prev_hash is the hash of the entry before, and whether the last entry
 * is the one the head records. {@link #finish} adds the entries the head does not account for.
 */
final class ChainWalk {
  private final AuditKey key;
  private final boolean headPresent;
  private final long head;
  private final String headHash;
  private final List<Problem> problems = new ArrayList<>();
  private long expected = 1;
  /** The entry at {@code expected - 1}, when it was seen. */
  private AuditEntry previous;

  ChainWalk(AuditKey key, boolean headPresent, long head, String headHash) {
    this.key = key;
    this.headPresent = headPresent;
    this.head = head;
    this.headHash = headHash;
  }

  void accept(AuditEntry e) {
    long seq = e.seq();
    if (seq < expected) {
      problem(seq, "entry " + seq + " appears more than once: one of them was inserted");
      return;
    }
    if (seq > expected) {
      missing(expected, seq - 1);
      previous = null;
    }
    if (!EntryHash.of(key, e).equals(e.hash())) {
      problem(seq, "entry " + seq + " was changed: its hash does not match its contents");
    }
    if (seq == 1 && !AuditTrail.GENESIS.equals(e.prevHash())) {
      problem(seq, "entry 1 does not start the chain: its link to the start is broken");
    } else if (previous != null && !Objects.equals(previous.hash(), e.prevHash())) {
      problem(seq, "entry " + seq + "'s link to entry " + (seq - 1) + " is broken");
    }
    previous = e;
    expected = seq + 1;
  }

  /** The verdict, given the seqs (as text) of the entries outside 1 to the head's seq. */
  Verification finish(List<String> outside) {
    long last = expected - 1;
    if (last < head) {
      problems.add(new Problem(last + 1, last == 0
          ? "every entry was removed: the head counts " + head
          : "entries after " + last + " were removed: the head counts " + head));
    } else if (head > 0 && previous != null && !Objects.equals(headHash, previous.hash())) {
      problems.add(new Problem(null, "the head does not match entry " + head + ", the last one"));
    }
    if (!headPresent && !outside.isEmpty()) {
      problems.add(new Problem(null, "the head of the trail is missing, but entries are there"));
    }
    for (String seq : outside) {
      Long number = number(seq);
      problems.add(new Problem(number, seq == null
          ? "an entry has no seq: it was inserted"
          : "entry " + seq + " is outside the chain (1 to " + head + "): it was inserted, or the head was changed"));
    }
    return Verification.of(problems);
  }

  private void missing(long from, long to) {
    problems.add(new Problem(from, from == to
        ? "entry " + from + " is missing"
        : "entries " + from + " to " + to + " are missing"));
  }

  private void problem(long seq, String message) {
    problems.add(new Problem(seq, message));
  }

  private static Long number(String text) {
    try {
      return text == null ? null : Long.valueOf(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
