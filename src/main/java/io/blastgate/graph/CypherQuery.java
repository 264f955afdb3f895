package io.blastgate.graph;

/**
 * A Cypher statement kept in its own file under {@code cypher/queries/}. Each feature lists its files in
 * an enum implementing this interface; a test checks every enum against the folder and runs {@code
 * EXPLAIN} on every statement.
 */
public interface CypherQuery {
  /** The file under {@code cypher/queries/}, e.g. {@code blastradius/workloads-using-credential.cypher}. */
  String file();

  /** The name that logs and metrics use: the file without its extension. */
  default String queryName() {
    return file().replaceFirst("\\.cypher$", "");
  }

  default String text() {
    return CypherFiles.load("queries/" + file());
  }
}
