package io.blastgate.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reads Cypher files from the classpath folder {@code cypher/}, once each. */
public final class CypherFiles {
  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

  private CypherFiles() {}

  public static String load(String relativePath) {
    return CACHE.computeIfAbsent(relativePath, CypherFiles::read);
  }

  private static String read(String relativePath) {
    String resource = "/cypher/" + relativePath;
    try (InputStream in = CypherFiles.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no Cypher file on the classpath at " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
