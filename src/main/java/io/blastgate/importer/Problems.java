package io.blastgate.importer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The errors and warnings of one import, in the order of the input: each carries the position of
 * the entity it belongs to, so that a problem found late (a reference resolved at the end) is listed
 * with its entity. Keeps at most {@code cap} of each but counts every error.
 */
final class Problems {
  /** Orders problems that belong to no entity (format, source, file headers) first. */
  static final long TOP = -1;

  private record Entry(long order, ImportMessage message) {}

  private final int cap;
  private final List<Entry> errors = new ArrayList<>();
  private final List<Entry> warnings = new ArrayList<>();
  private long errorCount;

  Problems(int cap) {
    this.cap = cap;
  }

  void error(long order, String location, String message) {
    errorCount++;
    if (errors.size() < cap) {
      errors.add(new Entry(order, new ImportMessage(location, message)));
    }
  }

  void warning(long order, String location, String message) {
    if (warnings.size() < cap) {
      warnings.add(new Entry(order, new ImportMessage(location, message)));
    }
  }

  long errorCount() {
    return errorCount;
  }

  boolean hasErrors() {
    return errorCount > 0;
  }

  List<ImportMessage> errors() {
    return sorted(errors);
  }

  List<ImportMessage> warnings() {
    return sorted(warnings);
  }

  /** The sort key of a problem of the entity at {@code position} of the {@code section}-th section read. */
  static long order(int section, long position) {
    return ((long) section << 40) + position;
  }

  private static List<ImportMessage> sorted(List<Entry> entries) {
    // A stable sort: the problems of one entity stay in the order they were found.
    return entries.stream().sorted(Comparator.comparingLong(Entry::order)).map(Entry::message).toList();
  }
}
