package io.blastgate.gate;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.blastgate.error.BlastgateException.InvalidDocument;
import io.blastgate.error.BlastgateException.InvalidDocument.Located;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a policy document (YAML, or JSON, which is YAML too): it must parse, pass {@code
 * policy/policy.schema.json} (checked by a JSON Schema validator, every problem listed with its JSON
 * pointer), and then what a schema cannot say: the confidence bands in order, each window ending after
 * it starts, each rule's CEL condition type-checked. Anything wrong is one {@link InvalidDocument}
 * that lists it all; nothing is half-read.
 */
public final class PolicyReader {
  static final String SCHEMA_RESOURCE = "policy/policy.schema.json";
  static final String DEFAULT_RESOURCE = "policy/default-policy.yaml";
  private static final String WHAT = "the policy";

  private final ObjectMapper yaml = new ObjectMapper(
      YAMLFactory.builder().build()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private final Schema schema;

  public PolicyReader() {
    try (InputStream in = resource(SCHEMA_RESOURCE)) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The policy the program ships, {@code policy/default-policy.yaml}. */
  public Policy defaults() {
    try (InputStream in = resource(DEFAULT_RESOURCE)) {
      return read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The policy {@code text} says, or every reason it is not one. */
  public Policy read(String text) {
    JsonNode root;
    try {
      root = yaml.readTree(text);
    } catch (JacksonException e) {
      var at = e.getLocation();
      throw invalid(at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr(),
          "not valid YAML or JSON" + (e.getOriginalMessage().startsWith("Duplicate field")
              ? ": a field appears twice in one object" : ""));
    }
    if (root == null || !root.isObject()) {
      throw invalid("", "a policy is one YAML or JSON object (version, confidence, approvals, identity_kinds, …)");
    }
    List<Located> problems = new ArrayList<>();
    for (Error error : schema.validate(root)) {
      String at = error.getInstanceLocation().toString().replaceFirst("^\\$", "");
      problems.add(new Located(at.isEmpty() ? "/" : at, error.getMessage().replaceFirst("^[^:]*: ", "")));
    }
    if (!problems.isEmpty()) {
      throw new InvalidDocument(WHAT, problems);
    }
    return bind(root, text, problems);
  }

  private Policy bind(JsonNode root, String text, List<Located> problems) {
    JsonNode bands = root.get("confidence");
    var confidence = new Policy.ConfidenceBands(bands.get("medium_from").asDouble(), bands.get("high_from").asDouble());
    if (confidence.mediumFrom() >= confidence.highFrom()) {
      problems.add(new Located("/confidence", "medium_from (" + confidence.mediumFrom()
          + ") must be below high_from (" + confidence.highFrom() + ")"));
    }
    JsonNode a = root.get("approvals");
    List<String> group = new ArrayList<>();
    a.path("responder_group").forEach(p -> group.add(p.asText()));
    var approvals = new Policy.Approvals(a.get("default").asInt(), a.get("critical").asInt(),
        duration(a.path("expire_after"), Duration.ofHours(4)), group);
    List<MaintenanceWindow> windows = new ArrayList<>();
    int i = 0;
    for (JsonNode w : root.path("maintenance_windows")) {
      String at = "/maintenance_windows/" + i++;
      Instant start = Instant.parse(w.get("start").asText());
      Instant end = Instant.parse(w.get("end").asText());
      Duration every = w.has("every") ? duration(w.get("every"), null) : null;
      if (!end.isAfter(start)) {
        problems.add(new Located(at + "/end", "the window must end after it starts"));
      } else if (every != null && every.compareTo(Duration.between(start, end)) < 0) {
        problems.add(new Located(at + "/every", "the window must not repeat before it ends"));
      }
      List<String> targets = new ArrayList<>();
      w.get("targets").forEach(t -> targets.add(t.asText()));
      windows.add(new MaintenanceWindow(w.get("name").asText(), targets, start, end, every));
    }
    Map<String, Map<Stage, StageLimits>> kinds = new HashMap<>();
    root.get("identity_kinds").properties().forEach(kind -> {
      Map<Stage, StageLimits> stages = new EnumMap<>(Stage.class);
      kind.getValue().properties().forEach(s -> stages.put(Stage.valueOf(s.getKey().toUpperCase(java.util.Locale.ROOT)), limits(s.getValue())));
      kinds.put(kind.getKey(), stages);
    });
    List<PolicyRule> rules = new ArrayList<>();
    i = 0;
    for (JsonNode r : root.path("rules")) {
      String at = "/rules/" + i++ + "/when";
      try {
        rules.add(new PolicyRule(r.get("name").asText(), r.get("when").asText(),
            Outcome.fromWireName(r.get("outcome").asText()), r.get("reason").asText(),
            CelCondition.compile(r.get("when").asText())));
      } catch (CelCondition.Invalid e) {
        problems.add(new Located(at, "the condition is not a valid CEL bool over the gate's variables: " + e.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidDocument(WHAT, problems);
    }
    return new Policy(root.get("version").asText(), root.path("description").asText(""), confidence,
        outcome(root.path("low_confidence")), outcome(root.path("when_incomplete")),
        duration(root.path("max_facts_age"), Duration.ofHours(24)), approvals, windows, kinds, rules, text);
  }

  private static StageLimits limits(JsonNode s) {
    return new StageLimits(bounds(s.get("execute_up_to")), bounds(s.get("deny_beyond")),
        integer(s.get("approvals")), integer(s.get("approvals_if_critical")), duration(s.path("max_facts_age"), null));
  }

  private static Bounds bounds(JsonNode b) {
    if (b == null) {
      return Bounds.NONE;
    }
    return new Bounds(integer(b.get("impacted")), integer(b.get("critical")), integer(b.get("unowned")),
        integer(b.get("teams")), integer(b.get("shared_consumers")));
  }

  private static Integer integer(JsonNode n) {
    return n == null || n.isNull() ? null : n.asInt();
  }

  private static Outcome outcome(JsonNode n) {
    return n.isMissingNode() ? Outcome.REQUIRE_APPROVAL : Outcome.fromWireName(n.asText());
  }

  private static Duration duration(JsonNode n, Duration absent) {
    return n == null || n.isMissingNode() ? absent : Duration.parse(n.asText());
  }

  private static InvalidDocument invalid(String location, String message) {
    return new InvalidDocument(WHAT, List.of(new Located(location, message)));
  }

  private static InputStream resource(String name) {
    InputStream in = PolicyReader.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(name + " is not on the class path");
    }
    return in;
  }
}
