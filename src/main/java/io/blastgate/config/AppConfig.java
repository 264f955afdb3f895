package io.blastgate.config;

import io.blastgate.error.BlastgateException.InvalidConfiguration;
import io.blastgate.graph.GraphSettings.Secret;
import io.blastgate.graph.GraphSettings;
import io.blastgate.model.HopBound;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole configuration of the program, read once at start-up from the environment and the optional
 * file named by {@code BLASTGATE_CONFIG} (the environment wins). Reading checks every key and throws one
 * {@link InvalidConfiguration} that lists every problem; there are no default passwords and no built-in
 * tokens. The record prints its password and the webhook's secret as {@code ***}. The webhook, when
 * one is configured, is {@link #webhook()}. Keys and defaults: {@code docs/configuration.md}.
 */
public record AppConfig(
    Path dataDir,
    Optional<URI> neo4jUri,
    String neo4jUser,
    Optional<Secret> neo4jPassword,
    String neo4jDatabase,
    long neo4jPageCacheBytes,
    int boltPort,
    Duration queryTimeout,
    int maxHops,
    String httpHost,
    int httpPort,
    Optional<Path> tokensFile,
    long maxBodyBytes,
    long maxUploadBytes,
    Optional<WebhookConfig> webhook,
    Optional<Path> policyFile,
    Optional<KeycloakConfig> keycloak,

    Optional<Path> auditKeyFile) {

  /** How long the driver keeps retrying transient failures of one transaction. */
  private static final Duration MAX_RETRY_TIME = Duration.ofSeconds(30);

  public AppConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(neo4jUri, "neo4jUri");
    Objects.requireNonNull(neo4jUser, "neo4jUser");
    Objects.requireNonNull(neo4jPassword, "neo4jPassword");
    Objects.requireNonNull(neo4jDatabase, "neo4jDatabase");
    Objects.requireNonNull(queryTimeout, "queryTimeout");
    Objects.requireNonNull(httpHost, "httpHost");
    Objects.requireNonNull(tokensFile, "tokensFile");
    Objects.requireNonNull(webhook, "webhook");
    Objects.requireNonNull(policyFile, "policyFile");
    Objects.requireNonNull(keycloak, "keycloak");
    Objects.requireNonNull(auditKeyFile, "auditKeyFile");
    if (!HopBound.allowed(maxHops)) {
      throw new IllegalArgumentException(HopBound.rule(maxHops));
    }
    if (maxBodyBytes < 1 || maxUploadBytes < 1) {
      throw new IllegalArgumentException("size limits must be positive");
    }
  }

  /** The configuration of the running process. */
  public static AppConfig fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /** The configuration for any command; the tokens file is optional here. */
  public static AppConfig fromEnvironment(Map<String, String> env) {
    return read(env, false);
  }

  /**
   * The configuration for serving HTTP: as {@link #fromEnvironment(Map)}, and the tokens file must be
   * set and readable (checked together with every other key, so that one start-up lists everything).
   */
  public static AppConfig forServer(Map<String, String> env) {
    return read(env, true);
  }

  private static AppConfig read(Map<String, String> env, boolean serving) {
    List<String> problems = new ArrayList<>();
    ConfigReader in = new ConfigReader(ConfigSource.read(env, problems), problems);

    Path dataDir = in.path(ConfigKey.DATA_DIR).orElse(Path.of("data"));
    Optional<URI> uri = in.neo4jUri(ConfigKey.NEO4J_URI);
    String user = in.requiredText(ConfigKey.NEO4J_USER);
    Optional<Secret> password = in.text(ConfigKey.NEO4J_PASSWORD).map(Secret::new);
    if (in.isSet(ConfigKey.NEO4J_URI) && password.isEmpty()) {
      in.problem(ConfigKey.NEO4J_PASSWORD, "is required with BLASTGATE_NEO4J_URI (there is no default)");
    }
    if (!in.isSet(ConfigKey.NEO4J_URI) && password.isPresent()) {
      // The embedded Neo4j makes its own random password; a given one would be silently ignored.
      in.problem(ConfigKey.NEO4J_PASSWORD, "is only used with BLASTGATE_NEO4J_URI, which is not set");
    }
    String database = in.requiredText(ConfigKey.NEO4J_DATABASE);
    long pageCache = in.bytes(ConfigKey.NEO4J_PAGECACHE, 1L << 20, 256L << 20);
    int boltPort = in.intInRange(ConfigKey.BOLT_PORT, 0, 65535, 0);
    Duration queryTimeout = in.duration(ConfigKey.QUERY_TIMEOUT, Duration.ofSeconds(30));
    int maxHops = in.intInRange(ConfigKey.MAX_HOPS, HopBound.MIN, Integer.MAX_VALUE, HopBound.DEFAULT);
    String httpHost = in.requiredText(ConfigKey.HTTP_HOST);
    int httpPort = in.intInRange(ConfigKey.HTTP_PORT, 0, 65535, 8080);
    Optional<Path> tokensFile = in.path(ConfigKey.TOKENS_FILE);
    if (serving) {
      if (tokensFile.isEmpty() && !in.isSet(ConfigKey.TOKENS_FILE)) {
        in.problem(
            ConfigKey.TOKENS_FILE,
            "is required to serve HTTP (there are no built-in tokens; `blastgate token create` makes one)");
      } else if (tokensFile.isPresent() && !Files.isReadable(tokensFile.get())) {
        in.problem(ConfigKey.TOKENS_FILE, "no readable file at " + tokensFile.get());
      } else if (tokensFile.isPresent()) {
        notPrivate(tokensFile.get()).ifPresent(why -> in.problem(ConfigKey.TOKENS_FILE, why));
      }
    }
    long maxBody = in.bytes(ConfigKey.MAX_BODY_BYTES, 1, 1L << 20);
    long maxUpload = in.bytes(ConfigKey.MAX_UPLOAD_BYTES, 1, 512L << 20);
    Optional<WebhookConfig> webhook = WebhookConfig.read(in);
    Optional<Path> policyFile = in.path(ConfigKey.POLICY_FILE);
    if (policyFile.isPresent() && !Files.isReadable(policyFile.get())) {
      in.problem(ConfigKey.POLICY_FILE, "no readable file at " + policyFile.get());
    }
    Optional<KeycloakConfig> keycloak = KeycloakConfig.read(in);
    Optional<Path> auditKeyFile = in.path(ConfigKey.AUDIT_KEY_FILE);

    if (!problems.isEmpty()) {
      throw new InvalidConfiguration("the configuration", problems);
    }
    return new AppConfig(
        dataDir, uri, user, password, database, pageCache, boltPort, queryTimeout, maxHops, httpHost,
        httpPort, tokensFile, maxBody, maxUpload, webhook, policyFile, keycloak, auditKeyFile);
  }

  /**
   * Why the tokens file is not the service's own, if it is not: group or others may read it (fail
   * closed: a file whose permissions cannot be read is refused too).
   */
  private static Optional<String> notPrivate(Path file) {
    try {
      return PrivateFiles.openToOthers(file).map(permissions -> file + " is open to group or others ("
          + permissions + "); make it the service's own: chmod 600 " + file);
    } catch (IOException e) {
      return Optional.of("cannot read the permissions of " + file);
    }
  }

  /**
   * The file of the audit trail's key: {@code BLASTGATE_AUDIT_KEY_FILE}, else {@code audit.key} in the
   * data folder, made on first use ({@link AuditKeyFile}).
   */
  public Path auditKeyPath() {
    return auditKeyFile.orElse(dataDir.resolve(AuditKeyFile.DEFAULT_NAME));
  }

  /** Where uploads are spooled while they are imported: {@code spool/} in the data folder. */
  public Path spoolDir() {
    return dataDir.resolve("spool");
  }

  /** The settings of the graph: embedded under {@link #dataDir()} when no URI is set. */
  public GraphSettings graphSettings() {
    return new GraphSettings(
        neo4jUri,
        neo4jUser,
        neo4jPassword,
        neo4jDatabase,
        dataDir,
        boltPort,
        neo4jPageCacheBytes,
        queryTimeout,
        MAX_RETRY_TIME);
  }
}
