package io.blastgate.graph;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.neo4j.driver.Result;

/**
 * The rows of one query's answer, read once, in order, inside the transaction that ran it: stream them
 * with {@link #hasNext()}/{@link #next()} when an answer is large, or take them all with {@link #list}.
 */
public final class Rows implements Iterator<Row> {
  private final Result result;

  Rows(Result result) {
    this.result = result;
  }

  @Override
  public boolean hasNext() {
    return result.hasNext();
  }

  @Override
  public Row next() {
    if (!result.hasNext()) {
      throw new NoSuchElementException("no more rows");
    }
    return new Row(result.next());
  }

  public List<Row> list() {
    return list(row -> row);
  }

  public <T> List<T> list(Function<Row, T> mapper) {
    List<T> out = new ArrayList<>();
    while (result.hasNext()) {
      out.add(mapper.apply(new Row(result.next())));
    }
    return out;
  }

  /** The one row of an answer that has exactly one. */
  public Row single() {
    return new Row(result.single());
  }

  /** Discards what is left, for statements run for their effect, and says what they changed. */
  public Effect consume() {
    var counters = result.consume().counters();
    return new Effect(
        counters.nodesCreated(),
        counters.nodesDeleted(),
        counters.relationshipsCreated(),
        counters.relationshipsDeleted(),
        counters.propertiesSet());
  }

  /** What a statement changed in the graph. */
  public record Effect(
      int nodesCreated,
      int nodesDeleted,
      int relationshipsCreated,
      int relationshipsDeleted,
      int propertiesSet) {}
}
