package io.blastgate.cli;

import io.blastgate.error.BlastgateException.InvalidInput;
import io.blastgate.error.Redacted;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * A running blastgate server to ask instead of opening the graph here: {@code --server} or {@code
 * BLASTGATE_URL}, with {@code --token} or {@code BLASTGATE_TOKEN}. When neither names a server, the
 * command opens the configured graph itself (offline use; an embedded folder is open in one process at
 * a time).
 */
final class ServerOption {
  static final String URL_KEY = "BLASTGATE_URL";
  static final String TOKEN_KEY = "BLASTGATE_TOKEN";

  @Option(names = "--server", paramLabel = "URL", description = "ask this running server (default BLASTGATE_URL), e.g. http://127.0.0.1:8080")
  String server;

  @Option(names = "--token", paramLabel = "TOKEN", description = "the bearer token for --server (default BLASTGATE_TOKEN)")
  String token;

  /**
   * Whether these arguments or the environment name a server to ask, read before picocli parses (as
   * {@code bin/blastgate} reads them): {@code --server} or a non-blank {@code BLASTGATE_URL}.
   */
  static boolean named(List<String> args, Map<String, String> env) {
    String url = env.get(URL_KEY);
    return (url != null && !url.isBlank())
        || args.stream().anyMatch(a -> a.equals("--server") || a.startsWith("--server="));
  }

  /**
   * The server to ask, if the options or the environment name one; a data folder given as well is
   * refused, because a server reads its own graph.
   */
  Optional<Remote> remote(DataDirOption data, Map<String, String> env) {
    Optional<Remote> remote = remote(env);
    if (remote.isPresent() && data.dataDir != null) {
      throw new InvalidInput("give --server or --data-dir, not both: a server reads its own graph");
    }
    return remote;
  }

  /** The server to ask, if the options or the environment name one. */
  Optional<Remote> remote(Map<String, String> env) {
    String url = server != null ? server : env.get(URL_KEY);
    if (url == null || url.isBlank()) {
      if (token != null) {
        throw new InvalidInput("--token goes with --server (or " + URL_KEY + ")");
      }
      return Optional.empty();
    }
    String bearer = token != null ? token : env.get(TOKEN_KEY);
    if (bearer == null || bearer.isBlank()) {
      throw new InvalidInput("asking a server needs a token: --token or " + TOKEN_KEY);
    }
    URI base;
    try {
      base = URI.create(url.strip().replaceAll("/+$", ""));
    } catch (IllegalArgumentException e) {
      throw new InvalidInput("--server must be a URL such as http://127.0.0.1:8080, got '" + Redacted.uri(url) + "'");
    }
    if (base.getScheme() == null || !base.getScheme().matches("https?") || base.getHost() == null) {
      throw new InvalidInput(
          "--server must be an http or https URL such as http://127.0.0.1:8080, got '" + Redacted.uri(url) + "'");
    }
    return Optional.of(new Remote(base, bearer.strip()));
  }
}
