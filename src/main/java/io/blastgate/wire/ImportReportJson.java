package io.blastgate.wire;

import io.blastgate.importer.Counts;
import io.blastgate.importer.ImportMessage;
import io.blastgate.importer.ImportReport;
import java.util.List;
import java.util.Locale;

/**
 * The wire shape of an import report (schema ImportReport of api/openapi.yaml). Public because the
 * command line prints the very same JSON with {@code --json}.
 */
public record ImportReportJson(
    String runId,
    String source,
    String format,
    String status,
    CountsJson counts,
    List<ImportMessage> warnings,
    List<ImportMessage> errors,
    long durationMs) {

  public static ImportReportJson of(ImportReport r) {
    Counts c = r.counts();
    return new ImportReportJson(
        r.runId(),
        r.source(),
        r.format(),
        r.status().name().toLowerCase(Locale.ROOT),
        new CountsJson(
            c.identities(),
            c.credentials(),
            c.workloads(),
            c.owners(),
            c.relationships(),
            c.unchanged(),
            c.writtenEntities(),
            c.writtenRelationships(),
            c.removedNodes(),
            c.removedRelationships()),
        r.warnings(),
        r.errors(),
        r.durationMs());
  }

  public record CountsJson(
      long identities,
      long credentials,
      long workloads,
      long owners,
      long relationships,
      long unchanged,
      long writtenEntities,
      long writtenRelationships,
      long removedNodes,
      long removedRelationships) {}
}
