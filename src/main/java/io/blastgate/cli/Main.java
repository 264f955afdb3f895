package io.blastgate.cli;

import io.blastgate.auth.TokenFileException;
import io.blastgate.blastradius.NotATargetException;
import io.blastgate.blastradius.UnknownTargetException;
import io.blastgate.config.ConfigException;
import io.blastgate.graph.GraphUnavailableException;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code blastgate}: what breaks if I revoke this? */
@Command(
    name = "blastgate",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "What breaks if I revoke this? Blast radius of identities, credentials and workloads.",
    subcommands = {
      ServeCommand.class,
      DemoCommand.class,
      ImportCommand.class,
      BlastRadiusCommand.class,
      TokenCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  /** Exit code of a command whose input was refused (an invalid bundle, an unknown target). */
  static final int INVALID_INPUT = 2;

  /** Exit code when the configuration or the graph stood in the way. */
  static final int UNAVAILABLE = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    // Lucene and the JDK log through java.util.logging: into SLF4J with everything else.
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    return new CommandLine(new Main()).setExecutionExceptionHandler(Main::handle);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Known failures get a sentence and an exit code, not a stack trace. */
  private static int handle(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    var err = cmd.getErr();
    switch (e) {
      case ConfigException c -> {
        err.println("blastgate: the configuration is not valid:");
        c.problems().forEach(p -> err.println("  - " + p));
        return UNAVAILABLE;
      }
      case TokenFileException t -> {
        err.println("blastgate: the tokens file is not valid:");
        t.problems().forEach(p -> err.println("  - " + p));
        return UNAVAILABLE;
      }
      case GraphUnavailableException g -> {
        err.println("blastgate: " + g.getMessage());
        return UNAVAILABLE;
      }
      case UnknownTargetException x -> {
        return refused(err, x);
      }
      case NotATargetException x -> {
        return refused(err, x);
      }
      case IllegalArgumentException x -> {
        return refused(err, x);
      }
      default -> {
        err.println("blastgate: unexpected failure: " + e);
        e.printStackTrace(err);
        return 1;
      }
    }
  }

  private static int refused(java.io.PrintWriter err, Exception e) {
    err.println("blastgate: " + e.getMessage());
    return INVALID_INPUT;
  }

  static final class Version implements CommandLine.IVersionProvider {
    static String get() {
      String v = Main.class.getPackage().getImplementationVersion();
      return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
      return new String[] {"blastgate " + get()};
    }
  }
}
