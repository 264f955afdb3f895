package io.blastgate.cli;

import io.blastgate.error.BlastgateException.AlreadyContained;
import io.blastgate.error.BlastgateException.Conflict;
import io.blastgate.error.BlastgateException.Forbidden;
import io.blastgate.error.BlastgateException.GraphUnavailable;
import io.blastgate.error.BlastgateException.InvalidConfiguration;
import io.blastgate.error.BlastgateException.InvalidDocument;
import io.blastgate.error.BlastgateException.InvalidInput;
import io.blastgate.error.BlastgateException.NotATarget;
import io.blastgate.error.BlastgateException.Unauthenticated;
import io.blastgate.error.BlastgateException.UnknownEntity;
import io.blastgate.error.BlastgateException.UnknownRequest;
import io.blastgate.error.BlastgateException;
import io.blastgate.error.Redacted;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code blastgate}: what breaks if I revoke this? */
@Command(
    name = "blastgate",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "What breaks if I revoke this? Blast radius of identities, credentials and workloads.")
public final class Main implements Runnable {
  /** Exit code of a command whose input was refused (an invalid bundle, an unknown target). */
  static final int INVALID_INPUT = 2;

  /** Exit code when the configuration or the graph stood in the way. */
  static final int UNAVAILABLE = 3;

  /** Exit code when the credentials were missing or lacked the role the operation needs. */
  static final int NOT_ALLOWED = 4;

  /** Exit code of {@code audit verify} when the audit trail's hash chain does not verify. */
  static final int NOT_VERIFIED = 5;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Read by {@link LogLevel} before parsing; declared here so that every command accepts it. */
  @CommandLine.Option(
      names = LogLevel.VERBOSE,
      scope = CommandLine.ScopeType.INHERIT,
      description = "log the program's steps (INFO) to stderr; by default only warnings, except for serve")
  boolean verbose;

  public static void main(String[] args) {
    LogLevel.choose(args); // before the first logger exists
    if (!ServerOption.named(List.of(args), System.getenv())) {
      // Lucene and the JDK log through java.util.logging: into SLF4J with everything else. A client of
      // a server runs neither Lucene nor anything else that logs there, and starting java.util.logging
      // for nothing is a few tens of milliseconds of its answer.
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
    System.exit(commandLine(args).execute(args));
  }

  /** The commands, in the order the help lists them. */
  private static final List<Class<?>> COMMANDS =
      List.of(
          ServeCommand.class,
          DemoCommand.class,
          ImportCommand.class,
          BlastRadiusCommand.class,
          SearchCommand.class,
          ShowCommand.class,
          GateCommands.Act.class,
          GateCommands.Pending.class,
          GateCommands.Approve.class,
          GateCommands.Reject.class,
          GateCommands.Rollback.class,
          TokenCommand.class,
          AuditCommand.class,
          BenchCommand.class,
          GateBenchCommand.class,
          HelpCommand.class);

  /** The program with every command. */
  static CommandLine commandLine() {
    return commandLine(COMMANDS);
  }

  /**
   * The program for these arguments: when the first argument names a command (not {@code help}), only
   * that command. picocli reads every option of every command it is given, by reflection, before it
   * parses: a few hundred milliseconds that a client asking a server for one answer should not wait.
   * Anything else (no command, an option, an unknown word, {@code help}) gets every command, for the
   * help and the messages that list them.
   */
  static CommandLine commandLine(String[] args) {
    String first = args.length == 0 ? "" : args[0];
    List<Class<?>> only =
        COMMANDS.stream()
            .filter(c -> c != HelpCommand.class && c.getAnnotation(Command.class).name().equals(first))
            .toList();
    return commandLine(only.isEmpty() ? COMMANDS : only);
  }

  private static CommandLine commandLine(List<Class<?>> commands) {
    CommandLine cli = new CommandLine(new Main()).setExecutionExceptionHandler(Main::handle);
    commands.forEach(cli::addSubcommand);
    return cli;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Known failures get a sentence and an exit code, not a stack trace. */
  private static int handle(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    if (e instanceof BlastgateException known) {
      return exitCode(known, err);
    }
    if (e instanceof IllegalArgumentException x) {
      // An option's value that its own converter or a record's check refused.
      err.println("blastgate: " + x.getMessage());
      return INVALID_INPUT;
    }
    // A library's message may quote a URI it was given, user-info and all.
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    err.println("blastgate: unexpected failure: " + Redacted.urisIn(e.toString()));
    err.print(Redacted.urisIn(trace.toString()));
    return 1;
  }

  /**
   * The program's own errors, each with its exit code: the switch has no default, so that a new kind
   * of error does not compile until it is given its code here (and its problem type in HTTP).
   */
  static int exitCode(BlastgateException e, PrintWriter err) {
    return switch (e) {
      case UnknownEntity x -> said(err, x, INVALID_INPUT);
      case UnknownRequest x -> said(err, x, INVALID_INPUT);
      case NotATarget x -> said(err, x, INVALID_INPUT);
      case InvalidInput x -> said(err, x, INVALID_INPUT);
      case Conflict x -> said(err, x, INVALID_INPUT);
      case AlreadyContained x -> said(err, x, INVALID_INPUT);
      case Unauthenticated x -> said(err, x, NOT_ALLOWED);
      case Forbidden x -> said(err, x, NOT_ALLOWED);
      case GraphUnavailable x -> said(err, x, UNAVAILABLE);
      case InvalidDocument d -> {
        err.println("blastgate: " + d.getMessage());
        yield INVALID_INPUT;
      }
      case InvalidConfiguration c -> {
        if (c.problems().size() == 1) {
          err.println("blastgate: " + c.what() + " is not valid: " + c.problems().get(0));
        } else {
          err.println("blastgate: " + c.what() + " is not valid:");
          c.problems().forEach(p -> err.println("  - " + p));
        }
        yield UNAVAILABLE;
      }
    };
  }

  private static int said(PrintWriter err, BlastgateException e, int code) {
    err.println("blastgate: " + Redacted.urisIn(e.getMessage()));
    return code;
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
