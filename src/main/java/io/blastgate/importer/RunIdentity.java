package io.blastgate.importer;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Who writes: one run of an import, its source and its instant. Start-up finishing a run after a
 * crash writes as the same run, with the same instant, so that the graph ends as the run would have
 * left it.
 */
record RunIdentity(String id, String source, OffsetDateTime now) {

  /** A run starting now. */
  static RunIdentity starting(String id, String source) {
    return new RunIdentity(id, source, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS));
  }

  /** The provenance parameters every write statement takes. */
  Map<String, Object> provenance() {
    return Map.of("source", source, "source_run", source + "@" + id, "run", id, "now", now);
  }
}
