package io.blastgate.gate;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A rule's condition in CEL (Common Expression Language), type-checked when the policy is read
 * against the variables of {@link #VARIABLES}, each a plain figure of the decision's inputs; it must
 * be of type bool. docs/policy.md ("Rules in CEL") lists the variables; a test holds the two together.
 */
public final class CelCondition {
  /** The variables a condition may use, with their CEL types, in the order docs/policy.md lists them. */
  static final Map<String, CelType> VARIABLES = variables();

  private static final CelCompiler COMPILER = compiler();
  private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

  private final CelRuntime.Program program;

  private CelCondition(CelRuntime.Program program) {
    this.program = program;
  }

  /** Why an expression cannot be a condition, in CEL's own words (which name no Java class). */
  public static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message);
    }
  }

  /** Parses and type-checks {@code expression}; it must be a bool over {@link #VARIABLES}. */
  public static CelCondition compile(String expression) throws Invalid {
    try {
      CelAbstractSyntaxTree ast = COMPILER.compile(expression).getAst();
      return new CelCondition(RUNTIME.createProgram(ast));
    } catch (CelValidationException e) {
      // CEL says "ERROR: <input>:1:1: undeclared reference to 'x' (in container '')", then the
      // expression with a caret under the place: keep the place and the sentence.
      String first = e.getMessage().lines().findFirst().orElse("").replace("ERROR: <input>:", "at ")
          .replace(" (in container '')", "");
      throw new Invalid(first);
    } catch (CelEvaluationException e) {
      throw new Invalid(e.getMessage());
    }
  }

  /**
   * Whether the condition holds for {@code values} (one per variable). An expression that fails at
   * evaluation (a division by zero) holds: a rule that cannot say "no" makes the gate stricter.
   */
  public boolean holds(Map<String, Object> values) {
    try {
      return Boolean.TRUE.equals(program.eval(values));
    } catch (CelEvaluationException | RuntimeException e) {
      return true;
    }
  }

  private static Map<String, CelType> variables() {
    Map<String, CelType> v = new LinkedHashMap<>();
    v.put("action", SimpleType.STRING);
    v.put("stage", SimpleType.STRING);
    v.put("interrupts", SimpleType.BOOL);
    v.put("reversible", SimpleType.BOOL);
    v.put("target_id", SimpleType.STRING);
    v.put("target_label", SimpleType.STRING);
    v.put("target_kind", SimpleType.STRING);
    v.put("identity_kind", SimpleType.STRING);
    v.put("protected", SimpleType.BOOL);
    v.put("confidence", SimpleType.STRING);
    v.put("complete", SimpleType.BOOL);
    v.put("impacted", SimpleType.INT);
    v.put("critical", SimpleType.INT);
    v.put("unowned", SimpleType.INT);
    v.put("teams", ListType.create(SimpleType.STRING));
    v.put("environments", ListType.create(SimpleType.STRING));
    v.put("shared_consumers", SimpleType.INT);
    v.put("dependent_identities", SimpleType.INT);
    v.put("facts_age_seconds", SimpleType.INT);
    v.put("hour_utc", SimpleType.INT);
    v.put("weekday_utc", SimpleType.INT);
    return java.util.Collections.unmodifiableMap(v);
  }

  private static CelCompiler compiler() {
    var builder = CelCompilerFactory.standardCelCompilerBuilder().setResultType(SimpleType.BOOL);
    VARIABLES.forEach(builder::addVar);
    return builder.build();
  }
}
