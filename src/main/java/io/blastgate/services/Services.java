package io.blastgate.services;

import io.blastgate.audit.AuditKey;
import io.blastgate.audit.AuditTrail;
import io.blastgate.blastradius.BlastRadiusService;
import io.blastgate.config.AppConfig;
import io.blastgate.config.AuditKeyFile;
import io.blastgate.entities.EntityService;
import io.blastgate.gate.GateService;
import io.blastgate.graph.Graph;
import io.blastgate.importer.ImportSettings;
import io.blastgate.importer.Importer;
import java.time.Clock;
import java.util.Objects;

/**
 * Every feature's service over one graph, with the settings the configuration gives them: the one
 * place where features are constructed. The composition root ({@code app.Blastgate}) builds them for
 * the program, the tests over their own graph. Add a feature's service here and in {@link #over}; the
 * edges (HTTP routes, commands) take it from here.
 */
public record Services(
    Graph graph,
    EntityService entities,
    BlastRadiusService blastRadius,
    Importer importer,
    GateService gate,
    AuditTrail audit) {
  public Services {
    Objects.requireNonNull(graph, "graph");
    Objects.requireNonNull(entities, "entities");
    Objects.requireNonNull(blastRadius, "blastRadius");
    Objects.requireNonNull(importer, "importer");
    Objects.requireNonNull(gate, "gate");
    Objects.requireNonNull(audit, "audit");
  }

  /** The services over {@code graph}, with the settings of {@code config}. */
  public static Services over(Graph graph, AppConfig config) {
    BlastRadiusService blastRadius = new BlastRadiusService(graph, config.maxHops());
    return new Services(
        graph,
        new EntityService(graph),
        blastRadius,
        new Importer(graph, importSettings(config)),
        new GateService(graph, blastRadius, Clock.systemUTC()),
        // The key is held outside the graph, read (or made) when the trail is first used.
        new AuditTrail(graph, () -> AuditKey.of(AuditKeyFile.read(config)), Clock.systemUTC()));
  }

  /**
   * How imports run under {@code config}: the defaults, with an archive unpacking to at most the upload
   * limit ({@code BLASTGATE_MAX_UPLOAD_BYTES}), over the API and at the command line alike. A command
   * that sets more of them per run starts from these.
   */
  public static ImportSettings importSettings(AppConfig config) {
    // The journal of imports in parts lives in the data folder, so that start-up finds it.
    return ImportSettings.defaults().withMaxZipBytes(config.maxUploadBytes())
        .withJournalDir(config.dataDir().resolve("import-journal"));
  }

  /** The same services, with imports run under other settings (a command's options), journaled where these are. */
  public Services withImportSettings(ImportSettings imports) {
    return new Services(graph, entities, blastRadius, new Importer(graph, imports.withJournalDir(importer.journalDir())), gate, audit);
  }
}
