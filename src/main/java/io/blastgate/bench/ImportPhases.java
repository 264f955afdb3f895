package io.blastgate.bench;

import io.blastgate.importer.ImportProgress;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The importer's progress as the benchmark sees it: prints each phase and, at most every ten seconds,
 * how far it got; adds up the time of each phase (validate, resolve, compare, write nodes, write
 * relationships, retract, search index), for "where the time goes"; and notes when the write began and
 * ended, and whether the run wrote in parts under a journal (its copy of the input is in the journal
 * folder when its first write phase begins). While a run in parts writes, readers wait for it.
 */
final class ImportPhases implements ImportProgress {
  /** The importer's first phase that writes, and the phase that follows the publication. */
  static final String FIRST_WRITE = "write nodes";
  static final String AFTER_PUBLISHING = "search index";
  private static final long EVERY_NANOS = 10_000_000_000L;

  private final PrintStream out;
  private final Path journalDir;
  private final long began = System.nanoTime();
  private final Map<String, Long> nanos = new LinkedHashMap<>();
  private String phase = "";
  private long phaseStarted;
  private long total;
  private long done;
  private long lastPrinted;
  private volatile long writeStarted = -1;
  private volatile long writeEnded = -1;
  private volatile boolean inParts;

  ImportPhases(PrintStream out, Path journalDir) {
    this.out = out;
    this.journalDir = journalDir;
  }

  @Override
  public void phase(String name, long total) {
    long now = System.nanoTime();
    close(now);
    if (name.equals(FIRST_WRITE) && writeStarted < 0) {
      inParts = holdsACopy(journalDir);
      writeStarted = now;
    }
    if (name.equals(AFTER_PUBLISHING)) {
      writeEnded = now;
    }
    this.phase = name;
    this.phaseStarted = now;
    this.total = total;
    this.done = 0;
    this.lastPrinted = now;
    out.printf(Locale.ROOT, "  %6.1f s  %s%s%n", seconds(now), name,
        total < 0 ? "" : String.format(Locale.ROOT, " (%,d)", total));
  }

  @Override
  public void advance(long n) {
    done += n;
    long now = System.nanoTime();
    if (now - lastPrinted >= EVERY_NANOS) {
      lastPrinted = now;
      out.printf(
          Locale.ROOT, "  %6.1f s  %s: %,d%s%n", seconds(now), phase, done,
          total > 0 ? String.format(Locale.ROOT, " of %,d (%d%%)", total, done * 100 / total) : "");
    }
  }

  /** Ends the last phase; call when the import returned. */
  void finish() {
    close(System.nanoTime());
    phase = "";
  }

  /** Milliseconds spent in each phase, in the order they first began (a phase begun again adds up). */
  Map<String, Long> millis() {
    Map<String, Long> ms = new LinkedHashMap<>();
    nanos.forEach((name, n) -> ms.put(name, n / 1_000_000));
    return ms;
  }

  /** Whether the run wrote in parts under a journal (readers waited while it wrote). */
  boolean inParts() {
    return inParts;
  }

  /**
   * Whether a question asked at {@code askedAt} (a {@code System.nanoTime()}) and answered {@code nanos}
   * later overlapped the import's write: from its first write phase to its publication. When the import
   * writes in parts, such a question waited for the publication (or was refused after the wait).
   */
  boolean overlapsTheWrite(long askedAt, long nanos) {
    long start = writeStarted;
    long end = writeEnded;
    return start >= 0 && askedAt + nanos >= start && (end < 0 || askedAt < end);
  }

  private void close(long now) {
    if (!phase.isEmpty()) {
      nanos.merge(phase, now - phaseStarted, Long::sum);
    }
  }

  private double seconds(long now) {
    return (now - began) / 1e9;
  }

  private static boolean holdsACopy(Path journalDir) {
    if (journalDir == null || !Files.isDirectory(journalDir)) {
      return false;
    }
    try (Stream<Path> runs = Files.list(journalDir)) {
      return runs.anyMatch(Files::isDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
