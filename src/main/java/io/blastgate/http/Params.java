package io.blastgate.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/** Query parameters, checked: each problem is a 400 that names the parameter and what it must be. */
final class Params {
  private static final int SHOWN = 80;

  private Params() {}

  /** A parameter given at most once; empty when absent. Given but empty is a 400. */
  static Optional<String> optional(Context ctx, String name) {
    List<String> values = ctx.queryParams(name);
    if (values.isEmpty()) {
      return Optional.empty();
    }
    if (values.size() > 1) {
      throw ProblemException.badRequest("query parameter '" + name + "' is given more than once");
    }
    String value = values.get(0);
    if (value.isBlank()) {
      throw ProblemException.badRequest("query parameter '" + name + "' must not be empty");
    }
    return Optional.of(value);
  }

  static String required(Context ctx, String name) {
    return optional(ctx, name)
        .orElseThrow(() -> ProblemException.badRequest("query parameter '" + name + "' is required"));
  }

  /** An integer in {@code min..max}, or {@code fallback} when absent. */
  static int intInRange(Context ctx, String name, int fallback, int min, int max) {
    Optional<String> text = optional(ctx, name);
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.get().strip());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    String range = max == Integer.MAX_VALUE ? "at least " + min : "from " + min + " to " + max;
    throw ProblemException.badRequest(
        "query parameter '" + name + "' must be an integer " + range + "; got " + quote(text.get()));
  }

  /** A caller's value, shortened, for a problem's detail. */
  static String quote(String value) {
    String shown = value.length() > SHOWN ? value.substring(0, SHOWN) + "…" : value;
    return "'" + shown + "'";
  }
}
