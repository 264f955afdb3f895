package io.blastgate.services;

import io.blastgate.audit.AuditEvent;
import io.blastgate.audit.AuditKey;
import io.blastgate.audit.AuditRecord;
import io.blastgate.audit.AuditTrail;
import io.blastgate.blastradius.BlastRadiusService;
import io.blastgate.config.AppConfig;
import io.blastgate.config.AuditKeyFile;
import io.blastgate.error.BlastgateException.InvalidConfiguration;
import io.blastgate.entities.EntityService;
import io.blastgate.gate.Executor;
import io.blastgate.gate.GateAudit;
import io.blastgate.gate.GateService;
import io.blastgate.gate.KeycloakExecutor;
import io.blastgate.gate.KeycloakMapping;
import io.blastgate.gate.KeycloakSettings;
import io.blastgate.gate.WebhookExecutor;
import io.blastgate.gate.WebhookSettings;
import io.blastgate.graph.Graph;
import io.blastgate.importer.ImportSettings;
import io.blastgate.importer.Importer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    // The key is held outside the graph, read (or made) when the trail is first used.
    AuditTrail audit = new AuditTrail(graph, () -> AuditKey.of(AuditKeyFile.read(config)), Clock.systemUTC());
    return new Services(
        graph,
        new EntityService(graph),
        blastRadius,
        new Importer(graph, importSettings(config)),
        new GateService(graph, blastRadius, executors(config), gateAudit(audit), Clock.systemUTC()),
        audit);
  }

  /**
   * The gate writes its steps to the audit trail through this seam, inside the transaction of each
   * step, so that the gate does not depend on the audit package (nor the audit on the gate).
   */
  static GateAudit gateAudit(AuditTrail audit) {
    return (tx, event, actor, requestId, target, details) -> audit.append(tx, new AuditRecord(
        AuditEvent.fromWireName(event).orElseThrow(() -> new IllegalArgumentException("no audit event " + event)),
        actor, requestId, target, details));
  }

  /**
   * The outward executors the configuration names, in the order they run: the signed webhook when
   * {@code BLASTGATE_WEBHOOK_URL} is set, then Keycloak when {@code BLASTGATE_KEYCLOAK_URL} is. The
   * graph records every executed action besides. A Keycloak mapping that does not parse stops the
   * start with every bad rule.
   */
  static List<Executor> executors(AppConfig config) {
    List<Executor> executors = new ArrayList<>();
    config.webhook().ifPresent(w -> executors.add(
        new WebhookExecutor(new WebhookSettings(w.url(), w.secret().value(), w.attempts()))));
    config.keycloak().ifPresent(k -> {
      KeycloakMapping mapping;
      try {
        mapping = KeycloakMapping.parse(k.mapping());
      } catch (IllegalArgumentException e) {
        throw new InvalidConfiguration("the configuration", List.of("BLASTGATE_KEYCLOAK_MAPPING: " + e.getMessage()));
      }
      executors.add(new KeycloakExecutor(new KeycloakSettings(k.url(), k.realm(),
          new KeycloakSettings.ClientCredentials(k.clientId(), k.clientSecret().value()), mapping, KEYCLOAK_TIMEOUT)));
    });
    return executors;
  }

  /** How long one call to Keycloak's Admin REST API may take. */
  private static final Duration KEYCLOAK_TIMEOUT = Duration.ofSeconds(30);

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
