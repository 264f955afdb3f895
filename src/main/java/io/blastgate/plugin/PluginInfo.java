package io.blastgate.plugin;

import java.util.List;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.UserFunction;

/**
 * The blastgate plugin: procedures that run inside Neo4j. The embedded Neo4j registers them itself;
 * an external server has them when this program's jar is in its {@code plugins/} folder. The client
 * uses them only when {@link #version} matches its own {@link #PROTOCOL}, so a plugin of another
 * release is never trusted with an answer it may compute differently.
 */
public final class PluginInfo {
  /** Changes whenever a procedure's signature or meaning changes. */
  public static final String PROTOCOL = "blastgate-plugin/2";

  /** The classes to register with Neo4j's procedures. */
  public static final List<Class<?>> PROCEDURES = List.of(BlastRadiusProcedure.class);

  public static final List<Class<?>> FUNCTIONS = List.of(PluginInfo.class);

  /**
   * The value of Neo4j's {@code dbms.security.procedures.unrestricted} that the plugin needs: its
   * blast radius reads the store through the kernel's cursors, which Neo4j allows only to procedures
   * named there. Nothing outside the {@code blastgate} namespace is opened.
   */
  public static final List<String> UNRESTRICTED = List.of("blastgate.*");

  @UserFunction(name = "blastgate.pluginVersion")
  @Description("blastgate.pluginVersion(): the protocol version of the installed blastgate plugin")
  public String version() {
    return PROTOCOL;
  }
}
