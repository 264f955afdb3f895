package io.blastgate.importer;

import io.blastgate.graph.Graph;
import io.blastgate.model.Label;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the first pass looks ids up beyond the bundle ({@link BundleIndex#resolve}): in the graph, or
 * nowhere, for a load into a database that holds nothing yet (and is offline while the input is
 * checked).
 */
@FunctionalInterface
interface EntityLookup {
  EntityLookup NOWHERE = ids -> Map.of();

  /** An entity already in the graph; {@code label} is empty when it carries no model label. */
  record GraphEntity(Optional<Label> label, String kind, List<String> sources) {}

  /** The entities among {@code ids} (a batch, never empty) that exist outside the bundle. */
  Map<String, GraphEntity> find(List<String> ids);

  static EntityLookup in(Graph graph) {
    return ids -> lookUp(graph, ids);
  }

  /** {@link #find} for a batch that may be empty. */
  default Map<String, GraphEntity> findBatch(List<String> ids) {
    return ids.isEmpty() ? Map.of() : find(ids);
  }

  /** The entities among {@code ids} that exist outside the bundle, asked in batches of {@code batchSize}. */
  default Map<String, GraphEntity> findAll(Collection<String> ids, int batchSize) {
    Map<String, GraphEntity> found = new HashMap<>();
    List<String> batch = new ArrayList<>(batchSize);
    for (String id : ids) {
      batch.add(id);
      if (batch.size() == batchSize) {
        found.putAll(findBatch(batch));
        batch.clear();
      }
    }
    found.putAll(findBatch(batch));
    return found;
  }

  private static Map<String, GraphEntity> lookUp(Graph graph, List<String> ids) {
    return graph.readAnyState(
        ImporterQuery.FIND_ENTITIES,
        Map.of("ids", List.copyOf(ids)),
        result -> {
          Map<String, GraphEntity> out = new HashMap<>();
          result.forEachRemaining(
              r -> {
                Optional<Label> label =
                    r.texts("labels").stream()
                        .map(Label::fromCypherName)
                        .flatMap(Optional::stream)
                        .findFirst();
                out.put(r.text("id"), new GraphEntity(label, r.textOrNull("kind"), r.textsOrEmpty("sources")));
              });
          return out;
        });
  }
}
