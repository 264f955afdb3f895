package io.blastgate.error;

import java.util.List;
import java.util.Objects;

/**
 * A failure the program means to report, worded for the person or client who caused it or must act on
 * it: never a class name, a library's internal name or a secret. Each kind is answered in exactly one
 * way by each edge: {@code http.ProblemMapper} gives it a problem type and status, {@code cli.Main} an
 * exit code. Anything else that escapes a feature is a bug and is answered as one (a logged 500, exit 1).
 */
public abstract sealed class BlastgateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private BlastgateException(String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
  }

  /** No entity in the graph has the id asked for. */
  public static final class UnknownEntity extends BlastgateException {
    private static final long serialVersionUID = 1L;
    private final String id;

    public UnknownEntity(String id) {
      super("no entity with id '" + id + "' in the graph", null);
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  /** No action request has the id asked for. */
  public static final class UnknownRequest extends BlastgateException {
    private static final long serialVersionUID = 1L;

    public UnknownRequest(String id) {
      super("no action request with id '" + id + "'", null);
    }
  }

  /** The entity exists but is not something one contains: owners have no blast radius. */
  public static final class NotATarget extends BlastgateException {
    private static final long serialVersionUID = 1L;

    public NotATarget(String id, String label) {
      super("'" + id + "' is an " + label
          + "; a blast radius targets an Identity, a Credential or a Workload", null);
    }
  }

  /** A request, argument or option that cannot be acted on as given; the message says which and why. */
  public static final class InvalidInput extends BlastgateException {
    private static final long serialVersionUID = 1L;

    public InvalidInput(String message) {
      super(message, null);
    }
  }

  /**
   * What was asked collides with the state of the graph or with work under way (another import of the
   * same source, an entity created meanwhile by another writer); asking again later may succeed.
   */
  public static final class Conflict extends BlastgateException {
    private static final long serialVersionUID = 1L;

    public Conflict(String message) {
      super(message, null);
    }

    public Conflict(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * An action whose state is already in effect on its target (a revoked credential revoked again, a
   * disabled identity disabled again): nothing was decided, kept or run. {@code by} is the action
   * request that put the state there; {@code until} is when a suspension ends (null otherwise).
   */
  public static final class AlreadyContained extends BlastgateException {
    private static final long serialVersionUID = 1L;
    private final String target;
    private final String state;
    private final String by;
    private final java.time.Instant since;
    private final java.time.Instant until;

    public AlreadyContained(String target, String state, String by, java.time.Instant since, java.time.Instant until) {
      super(target + " is already " + state + " (request " + by + ", since " + since
          + (until == null ? "" : ", until " + until) + "); nothing was run again", null);
      this.target = Objects.requireNonNull(target, "target");
      this.state = Objects.requireNonNull(state, "state");
      this.by = Objects.requireNonNull(by, "by");
      this.since = Objects.requireNonNull(since, "since");
      this.until = until;
    }

    public String target() {
      return target;
    }

    public String state() {
      return state;
    }

    /** The action request that put the state there. */
    public String by() {
      return by;
    }

    public java.time.Instant since() {
      return since;
    }

    /** When a suspension ends; null for any other state. */
    public java.time.Instant until() {
      return until;
    }
  }

  /** No valid credentials were presented. */
  public static final class Unauthenticated extends BlastgateException {
    private static final long serialVersionUID = 1L;

    public Unauthenticated(String message) {
      super(message, null);
    }
  }

  /** The caller is known but may not do this. */
  public static final class Forbidden extends BlastgateException {
    private static final long serialVersionUID = 1L;

    public Forbidden(String message) {
      super(message, null);
    }
  }

  /**
   * The graph database cannot answer now (down, timed out, out of transaction memory): an answer
   * would be incomplete, so there is none. Never a smaller answer instead.
   */
  public static final class GraphUnavailable extends BlastgateException {
    private static final long serialVersionUID = 1L;

    public GraphUnavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * The program's own configuration (its settings, its tokens file) is not valid; {@code problems}
   * lists every problem found, so that one start-up says everything to fix.
   */
  public static final class InvalidConfiguration extends BlastgateException {
    private static final long serialVersionUID = 1L;
    private final String what;
    private final List<String> problems;

    public InvalidConfiguration(String what, List<String> problems) {
      super(what + " is not valid (" + problems.size() + (problems.size() == 1 ? " problem" : " problems")
          + "):\n  - " + String.join("\n  - ", problems), null);
      if (problems.isEmpty()) {
        throw new IllegalArgumentException("an invalid configuration names at least one problem");
      }
      this.what = what;
      this.problems = List.copyOf(problems);
    }

    /** What is not valid, e.g. "the configuration" or "the tokens file". */
    public String what() {
      return what;
    }

    public List<String> problems() {
      return problems;
    }
  }

  /**
   * A document the caller gave (a policy) is not valid: {@code problems} lists every problem with
   * where it is (a JSON pointer, or a line), so that one answer says everything to fix. Nothing was
   * changed.
   */
  public static final class InvalidDocument extends BlastgateException {
    private static final long serialVersionUID = 1L;
    private final String what;
    private final List<Located> problems;

    /** One problem and where in the document it is. */
    public record Located(String location, String message) {}

    public InvalidDocument(String what, List<Located> problems) {
      super(what + " is not valid (" + problems.size() + (problems.size() == 1 ? " problem" : " problems")
          + "):\n  - " + String.join("\n  - ",
              problems.stream().map(p -> p.location().isEmpty() ? p.message() : p.location() + ": " + p.message())
                  .toList()), null);
      if (problems.isEmpty()) {
        throw new IllegalArgumentException("an invalid document names at least one problem");
      }
      this.what = what;
      this.problems = List.copyOf(problems);
    }

    /** What is not valid, e.g. "the policy". */
    public String what() {
      return what;
    }

    public List<Located> problems() {
      return problems;
    }
  }
}
