package io.blastgate.graph;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.MapAccessor;

/**
 * One row of a query's answer, or a map inside one, read by column name: what features see of what
 * Neo4j returned, in plain Java and without the driver's types. A required value that is absent or null
 * throws, because a model node without it is broken data, which must not pass as empty; the {@code …Or}
 * and {@code …OrNull} readers are for values the model allows to be absent.
 */
public final class Row {
  private final MapAccessor values;

  Row(MapAccessor values) {
    this.values = Objects.requireNonNull(values, "values");
  }

  /** Whether the row has this column with a non-null value. */
  public boolean has(String key) {
    return !values.get(key).isNull();
  }

  public String text(String key) {
    return required(key).asString();
  }

  /** The text, or {@code absent} when the column is null (absent is never invented: pass null if unsure). */
  public String textOr(String key, String absent) {
    Value v = values.get(key);
    return v.isNull() ? absent : v.asString();
  }

  public String textOrNull(String key) {
    return textOr(key, null);
  }

  public long number(String key) {
    return required(key).asLong();
  }

  public int integer(String key) {
    return required(key).asInt();
  }

  public boolean flag(String key) {
    return required(key).asBoolean();
  }

  /** A list of strings; an absent list is an error, an empty one is empty. */
  public List<String> texts(String key) {
    return required(key).asList(Value::asString);
  }

  /** A list of strings, or the empty list when the column is null. */
  public List<String> textsOrEmpty(String key) {
    Value v = values.get(key);
    return v.isNull() ? List.of() : v.asList(Value::asString);
  }

  /** A list of integers. */
  public List<Long> numbers(String key) {
    return required(key).asList(Value::asLong);
  }

  /** A date-time as a UTC instant, or null when the column is null. */
  public Instant instantOrNull(String key) {
    Value v = values.get(key);
    return v.isNull() ? null : toInstant(v.asObject());
  }

  /** A nested map, read as a row of its own. */
  public Row row(String key) {
    return new Row(required(key));
  }

  /** A list of maps, each read as a row of its own. */
  public List<Row> rows(String key) {
    return required(key).asList(Row::new);
  }

  /**
   * A list of anything, as plain Java: strings, longs, booleans, lists and maps; date-times as
   * {@link Instant}s where they have an offset.
   */
  public List<Object> list(String key) {
    return required(key).asList(v -> plain(v.asObject()));
  }

  /** A map of anything, as plain Java (see {@link #list}); null values stay null. */
  public Map<String, Object> map(String key) {
    return required(key).asMap(v -> v.isNull() ? null : plain(v.asObject()));
  }

  /** Whether this (nested) row is a null value rather than a map: for optional nested answers. */
  public boolean isNull(String key) {
    return values.get(key).isNull();
  }

  private Value required(String key) {
    Value v = values.get(key);
    if (v.isNull()) {
      throw new IllegalStateException("graph row has no " + key);
    }
    return v;
  }

  /** Date-times to instants (inside lists too); anything else as the driver gives it. */
  static Object plain(Object object) {
    return switch (object) {
      case List<?> list -> list.stream().map(Row::plain).toList();
      case ZonedDateTime z -> z.toInstant();
      case OffsetDateTime o -> o.toInstant();
      case TemporalAccessor t when !(t instanceof Instant) -> t.toString();
      case null, default -> object;
    };
  }

  private static Instant toInstant(Object object) {
    return switch (object) {
      case ZonedDateTime z -> z.toInstant();
      case OffsetDateTime o -> o.toInstant();
      case Instant i -> i;
      case String s -> OffsetDateTime.parse(s).toInstant();
      default -> throw new IllegalStateException("not a date-time: " + object.getClass().getSimpleName());
    };
  }
}
