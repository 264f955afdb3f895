package io.blastgate.http;

import io.blastgate.importer.ImportProgress;
import io.blastgate.importer.ImportReport;
import io.blastgate.importer.Importer;
import io.blastgate.wire.ImportReportJson;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/imports?format=bundle&source=S}: one bundle (JSON) or a zip of a bundle's CSV
 * files or {@code bundle.json}, imported as source S. The upload is spooled to a temporary file under
 * the upload limit, checked whole, and written atomically; an invalid document is a 422 whose report
 * lists every error with its location, and nothing is written.
 */
final class ImportsRoute implements Handler {
  private static final Logger LOG = LoggerFactory.getLogger(ImportsRoute.class);
  private static final Set<String> MEDIA_TYPES = Set.of("application/json", "application/zip");

  private final Importer importer;
  private final Bodies bodies;

  ImportsRoute(Importer importer, Bodies bodies) {
    this.importer = importer;
    this.bodies = bodies;
  }

  @Override
  public void handle(Context ctx) {
    String format = Params.required(ctx, "format");
    if (!importer.formatNames().contains(format)) {
      throw ProblemException.badRequest(
          "query parameter 'format' must be one of " + importer.formatNames() + "; got " + Params.quote(format));
    }
    String source = Params.required(ctx, "source");
    if (!Importer.isValidSourceName(source)) {
      throw ProblemException.badRequest(
          "query parameter 'source' must be 1 to 128 letters, digits, '.', '_', ':' or '-',"
              + " starting with a letter or digit; got "
              + Params.quote(source));
    }
    ImportReport report;
    try (SpooledUpload upload = bodies.spoolUpload(ctx, MEDIA_TYPES)) {
      // "": the upload is named by nothing of the server's (an archive's entries by their own paths).
      report = importer.importPath(upload.file(), "", Optional.of(source), ImportProgress.none());
    }
    LOG.info(
        "import run {} of source {} by {}: {} ({} errors)",
        report.runId(),
        source,
        Guard.principal(ctx).id(),
        report.status(),
        report.errorCount());
    if (!report.succeeded()) {
      throw new ProblemException(
          ProblemType.INVALID_IMPORT,
          "the document has "
              + report.errorCount()
              + (report.errorCount() == 1 ? " error" : " errors")
              + "; nothing was written",
          Map.of("report", ImportReportJson.of(report), "error_count", report.errorCount()),
          Map.of());
    }
    ctx.json(ImportReportJson.of(report));
  }
}
