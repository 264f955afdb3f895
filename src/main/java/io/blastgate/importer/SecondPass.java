package io.blastgate.importer;

import io.blastgate.importer.input.Problems;
import io.blastgate.importer.input.SourceInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * The importer's second reading of an input that the first pass validated whole (the transactional
 * write's {@link GraphWriter} and the bulk load's {@link BulkEntities}): any problem now means the input
 * changed between the two readings.
 */
final class SecondPass {
  private SecondPass() {}

  /** Reads {@code input} again, handing each entity to {@code each}. */
  static void read(SourceInput input, EntityReader reader, Consumer<ParsedEntity> each) {
    Problems problems = new Problems(1);
    try {
      input.read((label, position, fields) -> {
        ParsedEntity entity = reader.read(label, position, fields, input.locations(), problems);
        if (entity == null || !entity.valid() || problems.hasErrors()) {
          throw changed();
        }
        each.accept(entity);
      }, problems);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (problems.hasErrors()) {
      throw changed();
    }
  }

  static IllegalStateException changed() {
    return new IllegalStateException("the input changed between validating and writing it");
  }
}
