package io.blastgate.importer.input;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The errors and warnings of one import, in the order of the input: each carries the position of
 * the entity it belongs to, so that a problem found late (a reference resolved at the end) is listed
 * with its entity. Keeps at most {@code cap} of each but counts every error. Readers report their
 * input's structural problems here; the importer reports what it finds in the entities.
 */
public final class Problems {
  /** Orders problems that belong to no entity (format, source, file headers) first. */
  public static final long TOP = -1;

  /** One problem: where it is ({@link Locations}, or a name such as {@code source}) and what to do. */
  public record Message(String location, String message) {
    public Message {
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(message, "message");
    }
  }

  private record Entry(long order, Message message) {}

  private final int cap;
  private final List<Entry> errors = new ArrayList<>();
  private final List<Entry> warnings = new ArrayList<>();
  private long errorCount;

  public Problems(int cap) {
    this.cap = cap;
  }

  /** {@code order}: {@link #TOP}, or {@link Locations#order} of the entity the problem belongs to. */
  public void error(long order, String location, String message) {
    errorCount++;
    if (errors.size() < cap) {
      errors.add(new Entry(order, new Message(location, message)));
    }
  }

  public void warning(long order, String location, String message) {
    if (warnings.size() < cap) {
      warnings.add(new Entry(order, new Message(location, message)));
    }
  }

  public long errorCount() {
    return errorCount;
  }

  public boolean hasErrors() {
    return errorCount > 0;
  }

  public List<Message> errors() {
    return sorted(errors);
  }

  public List<Message> warnings() {
    return sorted(warnings);
  }

  /** The sort key of a problem of the entity at {@code position} of the {@code section}-th section read. */
  public static long order(int section, long position) {
    return ((long) section << 40) + position;
  }

  private static List<Message> sorted(List<Entry> entries) {
    // A stable sort: the problems of one entity stay in the order they were found.
    return entries.stream().sorted(Comparator.comparingLong(Entry::order)).map(Entry::message).toList();
  }
}
