package io.blastgate.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.blastgate.gate.Policy;
import io.blastgate.gate.PolicyStore;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/v1/policy}: the gate's policy in force (its version, the document as an object, and
 * its text as given); {@code PUT /api/v1/policy}: replaces it with a YAML or JSON document that is
 * checked whole first (422 {@code invalid-document} listing every problem; the policy in force stays).
 */
final class PolicyRoute {
  private static final Set<String> TYPES = Set.of("application/json", "application/yaml", "text/yaml");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final PolicyStore policies;
  private final Bodies bodies;

  PolicyRoute(PolicyStore policies, Bodies bodies) {
    this.policies = policies;
    this.bodies = bodies;
  }

  void get(Context ctx) {
    ctx.json(answer(policies.current()));
  }

  void put(Context ctx) {
    String text = bodies.readText(ctx, TYPES);
    ctx.json(answer(policies.replace(text, Guard.principal(ctx).id())));
  }

  private static Map<String, Object> answer(Policy p) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("version", p.version());
    try {
      body.put("policy", YAML.readTree(p.text()));
    } catch (IOException e) {
      throw new UncheckedIOException("a policy in force no longer parses", e);
    }
    body.put("text", p.text());
    return body;
  }
}
