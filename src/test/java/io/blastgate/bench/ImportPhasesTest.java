package io.blastgate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's view of an import's progress: its phases, its write window and whether it wrote in parts. */
class ImportPhasesTest {
  @TempDir Path journal;

  private ImportPhases phases() {
    return new ImportPhases(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), journal);
  }

  @Test
  void aQuestionOverlapsTheWriteWhenItIsOpenBetweenTheFirstWriteAndThePublication() {
    ImportPhases p = phases();
    long beforeAll = System.nanoTime();
    p.phase("validate", -1);
    long early = System.nanoTime();
    assertThat(p.overlapsTheWrite(beforeAll, early - beforeAll)).as("no write yet").isFalse();
    p.phase(ImportPhases.FIRST_WRITE, 10);
    long writing = System.nanoTime();
    p.phase(ImportPhases.AFTER_PUBLISHING, -1);
    long after = System.nanoTime();
    p.finish();

    assertThat(p.overlapsTheWrite(beforeAll, early - beforeAll)).as("answered before the write").isFalse();
    assertThat(p.overlapsTheWrite(early, after - early)).as("asked before, answered after").isTrue();
    assertThat(p.overlapsTheWrite(writing, 0)).as("asked while writing").isTrue();
    assertThat(p.overlapsTheWrite(after, 1_000)).as("asked after the publication").isFalse();
  }

  @Test
  void aRunWritesInPartsWhenItsCopyIsInTheJournalAsItsWriteBegins() throws Exception {
    ImportPhases oneTransaction = phases();
    oneTransaction.phase(ImportPhases.FIRST_WRITE, 1);
    Files.createDirectories(journal.resolve("run-1"));
    ImportPhases inParts = phases();
    inParts.phase(ImportPhases.FIRST_WRITE, 1);

    assertThat(oneTransaction.inParts()).isFalse();
    assertThat(inParts.inParts()).isTrue();
  }

  @Test
  void aPhaseBegunAgainIsOneEntryInTheOrderPhasesFirstBegan() {
    ImportPhases p = phases();
    p.phase("validate", -1);
    p.phase("write nodes", 1);
    p.phase("validate", -1);
    p.finish();

    assertThat(p.millis()).containsOnlyKeys("validate", "write nodes");
    assertThat(p.millis().keySet()).containsExactly("validate", "write nodes");
  }
}
