package io.blastgate.config;

import io.blastgate.model.HopBound;
import io.blastgate.model.WebhookRules;
import java.util.Locale;

/**
 * Every configuration key, as an environment variable. A configuration file names the same key in
 * lower-case dotted form ({@code BLASTGATE_NEO4J_URI} is {@code blastgate.neo4j.uri}). The table in
 * {@code docs/configuration.md} documents each one; a test keeps the two in step.
 */
public enum ConfigKey {
  DATA_DIR("BLASTGATE_DATA_DIR", "./data", false),
  NEO4J_URI("BLASTGATE_NEO4J_URI", null, false),
  NEO4J_USER("BLASTGATE_NEO4J_USER", "neo4j", false),
  NEO4J_PASSWORD("BLASTGATE_NEO4J_PASSWORD", null, true),
  NEO4J_DATABASE("BLASTGATE_NEO4J_DATABASE", "neo4j", false),
  NEO4J_PAGECACHE("BLASTGATE_NEO4J_PAGECACHE", "256m", false),
  BOLT_PORT("BLASTGATE_BOLT_PORT", "0", false),
  QUERY_TIMEOUT("BLASTGATE_QUERY_TIMEOUT", "30s", false),
  MAX_HOPS("BLASTGATE_MAX_HOPS", String.valueOf(HopBound.DEFAULT), false),
  HTTP_HOST("BLASTGATE_HTTP_HOST", "127.0.0.1", false),
  HTTP_PORT("BLASTGATE_HTTP_PORT", "8080", false),
  TOKENS_FILE("BLASTGATE_TOKENS_FILE", null, false),
  MAX_BODY_BYTES("BLASTGATE_MAX_BODY_BYTES", "1m", false),
  MAX_UPLOAD_BYTES("BLASTGATE_MAX_UPLOAD_BYTES", "512m", false),
  POLICY_FILE("BLASTGATE_POLICY_FILE", null, false),
  WEBHOOK_URL("BLASTGATE_WEBHOOK_URL", null, false),
  WEBHOOK_SECRET("BLASTGATE_WEBHOOK_SECRET", null, true),
  WEBHOOK_SECRET_FILE("BLASTGATE_WEBHOOK_SECRET_FILE", null, false),
  WEBHOOK_ATTEMPTS("BLASTGATE_WEBHOOK_ATTEMPTS", String.valueOf(WebhookRules.DEFAULT_ATTEMPTS), false),
  KEYCLOAK_URL("BLASTGATE_KEYCLOAK_URL", null, false),
  KEYCLOAK_REALM("BLASTGATE_KEYCLOAK_REALM", "master", false),
  KEYCLOAK_CLIENT_ID("BLASTGATE_KEYCLOAK_CLIENT_ID", null, false),
  KEYCLOAK_CLIENT_SECRET("BLASTGATE_KEYCLOAK_CLIENT_SECRET", null, true),
  KEYCLOAK_MAPPING("BLASTGATE_KEYCLOAK_MAPPING", null, false),
  AUDIT_KEY_FILE("BLASTGATE_AUDIT_KEY_FILE", null, false);

  /** Names the optional configuration file; read from the environment only. */
  public static final String CONFIG_FILE_VARIABLE = "BLASTGATE_CONFIG";

  private final String envName;
  private final String defaultValue;
  private final boolean secret;

  ConfigKey(String envName, String defaultValue, boolean secret) {
    this.envName = envName;
    this.defaultValue = defaultValue;
    this.secret = secret;
  }

  public String envName() {
    return envName;
  }

  /** The key as a configuration file names it, e.g. {@code blastgate.neo4j.uri}. */
  public String fileName() {
    return envName.toLowerCase(Locale.ROOT).replace('_', '.');
  }

  /** The value used when neither the environment nor the file sets the key; null when there is none. */
  String defaultValue() {
    return defaultValue;
  }

  /** A secret's value never appears in a message or a log. */
  boolean secret() {
    return secret;
  }
}
