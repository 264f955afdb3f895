package io.blastgate.importer;

import io.blastgate.importer.input.Problems;
import io.blastgate.importer.input.SourceInput;
import io.blastgate.model.Label;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The first pass over an opened input, the same for every way of writing it (the transactional
 * import, the bulk first load): checks every entity against the model, reporting each problem with
 * its location, feeds the {@link BundleIndex} that resolves references afterwards, and counts what
 * the second pass must meet.
 *
 * @param complete whether it read the input to its end (after malformed JSON it did not, and what
 *     was not reached is not reported)
 * @param expected the entities per label and the relationships the second pass must meet, else the
 *     input changed in between
 */
record FirstPass(boolean complete, GraphWriter.Expected expected) {

  static FirstPass read(SourceInput input, EntityReader reader, BundleIndex index, Problems problems,
      ImportProgress progress) throws IOException {
    Map<Label, Long> entities = new EnumMap<>(Label.class);
    long[] relationships = {0};
    progress.phase("validate", -1);
    boolean complete = input.read((label, position, fields) -> {
      ParsedEntity entity = reader.read(label, position, fields, input.locations(), problems);
      if (entity != null) {
        index.add(entity);
        entities.merge(label, 1L, Long::sum);
        relationships[0] += entity.refs().size();
      }
      progress.advance(1);
    }, problems);
    return new FirstPass(complete, new GraphWriter.Expected(entities, relationships[0]));
  }
}
