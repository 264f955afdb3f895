package io.blastgate.http;

import io.blastgate.importer.ImportProgress;
import io.blastgate.importer.ImportReport;
import io.blastgate.importer.Importer;
import io.blastgate.importer.input.InputChoice;
import io.blastgate.wire.ImportReportJson;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/imports?source=S[&format=F][&cluster=C…]}: one document (a JSON bundle, a YAML
 * file of Kubernetes manifests or of a Backstage catalog, a CODEOWNERS file as text/plain) or a zip of any input a format reads,
 * imported as source S, as format F or, when F is left out, as the format recognised from the content;
 * a format's own options (Kubernetes' {@code cluster}, …) are query parameters too. The upload is
 * spooled to a temporary file under the upload limit, checked whole, and written atomically; an
 * invalid document is a 422 whose report lists every error with its location, and nothing is written.
 */
final class ImportsRoute implements Handler {
  private static final Logger LOG = LoggerFactory.getLogger(ImportsRoute.class);
  private static final Set<String> MEDIA_TYPES =
      Set.of("application/json", "application/zip", "application/yaml", "application/x-yaml", "text/yaml",
          "text/plain");

  private final Importer importer;
  private final Bodies bodies;

  ImportsRoute(Importer importer, Bodies bodies) {
    this.importer = importer;
    this.bodies = bodies;
  }

  @Override
  public void handle(Context ctx) {
    String format = ctx.queryParam("format");
    if (format != null && !importer.formatNames().contains(format)) {
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
    Map<String, String> options = new TreeMap<>();
    for (String option : importer.optionNames()) {
      String value = ctx.queryParam(option);
      if (value != null) {
        options.put(option, value);
      }
    }
    InputChoice choice = new InputChoice(Optional.ofNullable(format), options);
    ImportReport report;
    try (SpooledUpload upload = bodies.spoolUpload(ctx, MEDIA_TYPES)) {
      // "": the upload is named by nothing of the server's (an archive's entries by their own paths).
      report = importer.importPath(upload.file(), "", Optional.of(source), choice, ImportProgress.none());
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
