package io.blastgate.config;

import io.blastgate.error.Redacted;
import io.blastgate.graph.GraphSettings.Secret;
import io.blastgate.model.WebhookRules;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The webhook the gate's executor delivers to, as plain values (the gate builds its own settings from
 * them): an https URL (http only to this machine), the secret shared with the receiver, given inline
 * ({@code BLASTGATE_WEBHOOK_SECRET}) or in a file private to the service's user ({@code
 * BLASTGATE_WEBHOOK_SECRET_FILE}), and how many attempts a delivery gets. The secret prints as
 * {@code ***}. docs/configuration.md and docs/executors.md.
 */
public record WebhookConfig(URI url, Secret secret, int attempts) {
  public WebhookConfig {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(secret, "secret");
  }

  /** The webhook, when {@code BLASTGATE_WEBHOOK_URL} is set; every problem joins the reader's list. */
  static Optional<WebhookConfig> read(ConfigReader in) {
    int attempts = in.intInRange(
        ConfigKey.WEBHOOK_ATTEMPTS, 1, WebhookRules.MAX_ATTEMPTS, WebhookRules.DEFAULT_ATTEMPTS);
    boolean inline = in.isSet(ConfigKey.WEBHOOK_SECRET);
    boolean inFile = in.isSet(ConfigKey.WEBHOOK_SECRET_FILE);
    if (!in.isSet(ConfigKey.WEBHOOK_URL)) {
      for (ConfigKey key : new ConfigKey[] {ConfigKey.WEBHOOK_SECRET, ConfigKey.WEBHOOK_SECRET_FILE}) {
        if (in.isSet(key)) {
          in.problem(key, "is only used with BLASTGATE_WEBHOOK_URL, which is not set");
        }
      }
      return Optional.empty();
    }
    Optional<URI> url = url(in);
    Optional<String> secret = Optional.empty();
    if (inline && inFile) {
      in.problem(ConfigKey.WEBHOOK_SECRET_FILE, "set either it or BLASTGATE_WEBHOOK_SECRET, not both");
    } else if (!inline && !inFile) {
      in.problem(ConfigKey.WEBHOOK_SECRET,
          "is required with BLASTGATE_WEBHOOK_URL (or BLASTGATE_WEBHOOK_SECRET_FILE); there is no default");
    } else {
      secret = inline ? in.text(ConfigKey.WEBHOOK_SECRET) : fromFile(in);
    }
    if (secret.isPresent() && !WebhookRules.secretLongEnough(secret.get())) {
      in.problem(inline ? ConfigKey.WEBHOOK_SECRET : ConfigKey.WEBHOOK_SECRET_FILE,
          "the secret must have at least " + WebhookRules.MIN_SECRET_LENGTH
              + " characters (a random one: openssl rand -hex 32)");
      secret = Optional.empty();
    }
    if (url.isEmpty() || secret.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new WebhookConfig(url.get(), new Secret(secret.get()), attempts));
  }

  private static Optional<URI> url(ConfigReader in) {
    String text = in.text(ConfigKey.WEBHOOK_URL).orElseThrow();
    try {
      URI url = new URI(text);
      Optional<String> problem = WebhookRules.urlProblem(url);
      if (problem.isEmpty()) {
        return Optional.of(url);
      }
      in.problem(ConfigKey.WEBHOOK_URL, problem.get() + ", got '" + Redacted.uri(text) + "'");
    } catch (URISyntaxException e) {
      in.problem(ConfigKey.WEBHOOK_URL, "is not a URL: '" + Redacted.uri(text) + "'");
    }
    return Optional.empty();
  }

  /** The file's text without its last line break; the file must be the service's own, as the tokens. */
  private static Optional<String> fromFile(ConfigReader in) {
    Optional<Path> file = in.path(ConfigKey.WEBHOOK_SECRET_FILE);
    if (file.isEmpty()) {
      return Optional.empty();
    }
    try {
      Optional<String> open = PrivateFiles.openToOthers(file.get());
      if (open.isPresent()) {
        in.problem(ConfigKey.WEBHOOK_SECRET_FILE, file.get() + " is open to group or others (" + open.get()
            + "); make it the service's own: chmod 600 " + file.get());
        return Optional.empty();
      }
      return Optional.of(Files.readString(file.get(), StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      in.problem(ConfigKey.WEBHOOK_SECRET_FILE, "cannot read a secret (UTF-8 text) from " + file.get());
      return Optional.empty();
    }
  }
}
