package io.blastgate.graph;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the graph is and how to talk to it. With no {@code uri} the program starts Neo4j embedded under
 * {@code dataDir}, Bolt on loopback only, with a fresh random password each start; with a {@code
 * neo4j://} or {@code bolt://} URI it connects to that server or cluster with {@code user} and {@code
 * password} instead, through the very same driver code.
 */
public record GraphSettings(
    Optional<URI> uri,
    String user,
    Optional<Secret> password,
    String database,
    Path dataDir,
    int boltPort,
    long pageCacheBytes,
    Duration queryTimeout,
    Duration maxRetryTime) {

  public GraphSettings {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(queryTimeout, "queryTimeout");
    Objects.requireNonNull(maxRetryTime, "maxRetryTime");
    if (boltPort < 0 || boltPort > 65535) {
      throw new IllegalArgumentException("boltPort must be 0..65535, was " + boltPort);
    }
    if (uri.isPresent() && password.isEmpty()) {
      throw new IllegalArgumentException("an external Neo4j needs a password");
    }
  }

  public boolean embedded() {
    return uri.isEmpty();
  }

  /** Embedded defaults: data under {@code dataDir}, a random Bolt port, 256 MiB of page cache. */
  public static GraphSettings embedded(Path dataDir) {
    return new GraphSettings(
        Optional.empty(),
        "neo4j",
        Optional.empty(),
        "neo4j",
        dataDir,
        0,
        256L * 1024 * 1024,
        Duration.ofSeconds(30),
        Duration.ofSeconds(30));
  }

  /** A secret that never prints itself. */
  public record Secret(String value) {
    public Secret {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
      return "***";
    }
  }
}
