package io.blastgate.importer;

import io.blastgate.graph.BulkInput;
import io.blastgate.importer.input.SourceInput;
import io.blastgate.model.Label;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The second pass of a bulk first load: a checked input read again and handed to the loader as nodes
 * and relationships, with the provenance a transactional import of one run writes (graph-model/README.md,
 * "Provenance and sync"), and the source's record as one more node. Each pass over the nodes or the
 * relationships reads the input again and insists on meeting what the first pass counted: anything
 * else means the input changed since it was checked, and fails the load.
 */
final class BulkEntities implements BulkInput {
  static final String ENTITY_LABEL = "Entity";
  static final String SOURCE_LABEL = "Source";
  /** Entities are named by their ids in one space (an id names one entity, whatever its label); sources in another. */
  static final String ENTITIES = "Entity";
  static final String SOURCES = "Source";

  private final SourceInput input;
  private final EntityReader reader;
  private final GraphWriter.Expected expected;
  private final String source;
  private final String runId;
  private final OffsetDateTime now;
  /** The provenance of every relationship of this run, one map shared by all. */
  private final Map<String, Object> relationshipProvenance;

  BulkEntities(SourceInput input, EntityReader reader, GraphWriter.Expected expected, String source, String runId,
      OffsetDateTime now) {
    this.input = input;
    this.reader = reader;
    this.expected = expected;
    this.source = source;
    this.runId = runId;
    this.now = now;
    this.relationshipProvenance = Map.of(
        "sources", List.of(source),
        "source_runs", List.of(source + "@" + runId),
        "first_seen", now,
        "last_changed", now,
        "last_run", runId);
  }

  /** What the load writes, as a report counts it: nothing can be removed from an empty database. */
  Counts counts() {
    Map<Label, Long> e = expected.entities();
    return new Counts(e.getOrDefault(Label.IDENTITY, 0L), e.getOrDefault(Label.CREDENTIAL, 0L),
        e.getOrDefault(Label.WORKLOAD, 0L), e.getOrDefault(Label.OWNER, 0L), expected.relationships(), 0,
        expected.totalEntities(), expected.relationships(), 0, 0);
  }

  @Override
  public List<String> idSpaces() {
    return List.of(ENTITIES, SOURCES);
  }

  @Override
  public long nodeCount() {
    return expected.totalEntities() + 1;
  }

  @Override
  public long relationshipCount() {
    return expected.relationships();
  }

  @Override
  public void nodes(Consumer<Node> each) {
    Map<Label, Long> streamed = new EnumMap<>(Label.class);
    SecondPass.read(input, reader, entity -> {
      each.accept(new Node(ENTITIES, entity.id(), List.of(ENTITY_LABEL, entity.label().cypherName()), properties(entity)));
      streamed.merge(entity.label(), 1L, Long::sum);
    });
    for (Label label : Label.values()) {
      if (!streamed.getOrDefault(label, 0L).equals(expected.entities().getOrDefault(label, 0L))) {
        throw SecondPass.changed();
      }
    }
    each.accept(new Node(SOURCES, source, List.of(SOURCE_LABEL), sourceRecord()));
  }

  @Override
  public void relationships(Consumer<Relationship> each) {
    long[] streamed = {0};
    SecondPass.read(input, reader, entity -> {
      for (ParsedEntity.Ref ref : entity.refs()) {
        each.accept(new Relationship(ENTITIES, entity.id(), ref.rel().type().name(), ref.target(), relationshipProvenance));
        streamed[0]++;
      }
    });
    if (streamed[0] != expected.relationships()) {
      throw SecondPass.changed();
    }
  }

  /** The properties the input states, the name (the id when it states none) and this run's provenance. */
  private Map<String, Object> properties(ParsedEntity entity) {
    Map<String, Object> props = new HashMap<>(entity.props());
    props.put("id", entity.id());
    props.putIfAbsent("name", entity.id());
    props.put("sources", List.of(source));
    props.put("source_runs", List.of(source + "@" + runId));
    props.put("source_hashes", List.of(ContentHash.tagged(source, ContentHash.of(entity))));
    props.put("first_seen", now);
    props.put("last_changed", now);
    props.put("last_run", runId);
    return props;
  }

  /** The source's record, as {@code cypher/queries/importer/record-source.cypher} writes it. */
  private Map<String, Object> sourceRecord() {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("name", source);
    record.put("last_synced", now);
    record.put("last_run", runId);
    record.put("status", "succeeded");
    record.putAll(Publisher.asMap(counts()));
    return record;
  }

}
