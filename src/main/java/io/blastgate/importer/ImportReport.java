package io.blastgate.importer;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one import run. A failed report lists the problems found (at most {@link
 * ImportSettings#maxReportedErrors()} of them; {@code errorCount} counts them all) and has all counts
 * zero, because a failed import writes nothing. Maps one to one onto the wire shape {@code
 * ImportReport} (snake_case, status in lower case), which the HTTP layer renders.
 */
public record ImportReport(
    String runId,
    String source,
    String format,
    Status status,
    Counts counts,
    List<ImportMessage> warnings,
    List<ImportMessage> errors,
    long errorCount,
    long durationMs) {

  public enum Status {
    SUCCEEDED,
    FAILED
  }

  public ImportReport {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(counts, "counts");
    warnings = List.copyOf(warnings);
    errors = List.copyOf(errors);
    if (errorCount < errors.size()) {
      throw new IllegalArgumentException("errorCount below the number of errors listed");
    }
    if (status == Status.SUCCEEDED && errorCount > 0) {
      throw new IllegalArgumentException("a succeeded import has no errors");
    }
    if (status == Status.FAILED && errorCount == 0) {
      throw new IllegalArgumentException("a failed import names at least one error");
    }
    if (status == Status.FAILED && !counts.equals(Counts.ZERO)) {
      throw new IllegalArgumentException("a failed import wrote nothing: its counts are zero");
    }
    if (durationMs < 0) {
      throw new IllegalArgumentException("durationMs cannot be negative");
    }
  }

  public boolean succeeded() {
    return status == Status.SUCCEEDED;
  }
}
