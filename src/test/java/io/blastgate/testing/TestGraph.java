package io.blastgate.testing;

import io.blastgate.graph.Graph;
import io.blastgate.graph.GraphConnection;
import io.blastgate.graph.GraphSettings;
import io.blastgate.plugin.PluginInfo;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilder;
import org.neo4j.harness.Neo4jBuilders;

/**
 * One real Neo4j (Neo4j Harness, in-process) for the whole test run, reached over Bolt through the same
 * {@link GraphConnection} the program uses. Before each test the graph is emptied (schema stays), so
 * tests do not see each other's data. Inject {@link Graph} or {@link GraphConnection} as a parameter.
 */
public final class TestGraph implements BeforeEachCallback, ParameterResolver {
  private static Neo4j neo4j;
  private static GraphConnection connection;

  public static synchronized GraphConnection connection() {
    if (connection == null) {
      Neo4jBuilder builder = Neo4jBuilders.newInProcessBuilder();
      PluginInfo.PROCEDURES.forEach(builder::withProcedure);
      PluginInfo.FUNCTIONS.forEach(builder::withFunction);
      neo4j =
          builder
              .withDisabledServer()
              .withConfig(GraphDatabaseSettings.procedure_unrestricted, PluginInfo.UNRESTRICTED)
              .withConfig(GraphDatabaseSettings.pagecache_memory, 128L * 1024 * 1024)
              .withConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
              .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, Duration.ZERO)
              .build();
      GraphSettings settings = GraphSettings.embedded(Path.of("target/unused"));
      connection = GraphConnection.connect(neo4j.boltURI(), "neo4j", null, settings);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    connection.close();
                    neo4j.close();
                  }));
    }
    return connection;
  }

  /** Direct access for assertions that look at the raw graph. */
  public static org.neo4j.graphdb.GraphDatabaseService database() {
    connection();
    return neo4j.defaultDatabaseService();
  }

  public static void clear() {
    database().executeTransactionally("MATCH (n) WHERE NOT n:Migration DETACH DELETE n");
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    clear();
  }

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
    Class<?> type = p.getParameter().getType();
    return type == Graph.class || type == GraphConnection.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext e) {
    return p.getParameter().getType() == Graph.class ? connection().graph() : connection();
  }

}
