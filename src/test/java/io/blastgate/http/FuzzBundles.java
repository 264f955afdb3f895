package io.blastgate.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * The fuzzer's bundles: a small valid bundle drawn at random (every label, references within it and to
 * the seeded graph), and mistakes of meaning made in it (wrong types, unknown fields, bad values,
 * dangling references, ids that collide across labels or with the graph). Mistakes of syntax and
 * encoding are {@link FuzzBytes}'s. Each call takes the case's own {@link Random}, so that a case
 * replays from its seed alone.
 */
final class FuzzBundles {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final String[] SECTIONS = {"identities", "credentials", "workloads", "owners"};

  /** Ids of the seeded graph ({@code Seed.ENTITIES}), each with its label's section. */
  private static final String[][] GRAPH_IDS = {
    {"identities", "id:stripe-sa"}, {"credentials", "cred:stripe-key"}, {"workloads", "wl:checkout"},
    {"workloads", "wl:refunds"}, {"owners", "team:payments"}, {"owners", "person:ana"}};

  private FuzzBundles() {}

  /** A valid bundle of source {@code source}, its ids unique to case {@code n}. */
  static ObjectNode valid(Random r, int n, String source) {
    String p = "fz:" + n + "/";
    ObjectNode bundle = NODES.objectNode().put("format", "blastgate.bundle/v1").put("source", source);
    ArrayNode identities = bundle.putArray("identities");
    int ids = 1 + r.nextInt(3);
    for (int i = 0; i < ids; i++) {
      ObjectNode e = identities.addObject().put("id", p + "id-" + i).put("kind", pick(r, "human", "service_account", "role"));
      e.put("name", "identity " + i).put("status", "active");
      e.putArray("tags").add("prod").add("t" + i);
      if (i > 0) {
        e.putArray("can_assume").add(p + "id-0");
      }
    }
    ArrayNode credentials = bundle.putArray("credentials");
    int creds = 1 + r.nextInt(3);
    for (int i = 0; i < creds; i++) {
      credentials.addObject().put("id", p + "cred-" + i).put("kind", pick(r, "api_token", "password", "ssh_key"))
          .put("status", "active").put("authenticates_as", p + "id-" + r.nextInt(ids))
          .put("created_at", "2026-01-04T09:00:00Z").put("expires_at", "2027-01-04T09:00:00.250+01:00");
    }
    ArrayNode workloads = bundle.putArray("workloads");
    int wls = 1 + r.nextInt(4);
    for (int i = 0; i < wls; i++) {
      ObjectNode e = workloads.addObject().put("id", p + "wl-" + i).put("kind", pick(r, "service", "job", "pipeline"))
          .put("criticality", pick(r, "critical", "high", "low")).put("environment", "prod").put("status", "active");
      e.putArray("uses").add(p + "cred-" + r.nextInt(creds)).add("cred:stripe-key");
      e.putArray("runs_as").add(p + "id-" + r.nextInt(ids));
      if (i > 0) {
        e.putArray("depends_on").add(p + "wl-0").add("wl:checkout");
      }
    }
    ArrayNode owners = bundle.putArray("owners");
    owners.addObject().put("id", p + "team").put("kind", "team").put("oncall", "pager").putArray("owns").add(p + "wl-0");
    ObjectNode person = owners.addObject().put("id", p + "person").put("kind", "person").put("email", "fz@example.com");
    person.putArray("member_of").add(p + "team").add("team:payments");
    return bundle;
  }

  /** The mistakes that a CSV folder still makes (in CSV every cell is text, and there is no top level). */
  private static final int[] IN_CSV = {1, 2, 3, 4, 5, 6, 7, 8, 9, 14};

  /**
   * One mistake of meaning, at a random place of {@code bundle}; {@code csv}: only one that a CSV
   * folder written from the bundle still makes.
   */
  static void spoil(Random r, ObjectNode bundle, int n, boolean csv) {
    ObjectNode entity = anyEntity(r, bundle);
    String field = anyField(r, entity);
    switch (csv ? IN_CSV[r.nextInt(IN_CSV.length)] : r.nextInt(16)) {
      case 0 -> entity.set(field, pickNode(r));
      case 1 -> entity.put(pick(r, "dependson", "owner", "tags2", "ID", ""), "x");
      case 2 -> entity.remove(pick(r, "id", "kind"));
      case 3 -> entity.put("kind", pick(r, "robot", "SERVICE", " service", ""));
      case 4 -> entity.put(pick(r, "created_at", "status", "criticality"), pick(r, "2026-01-04T09:00:00", "2026-02-30T00:00:00Z", "yesterday"));
      case 5 -> entity.putArray(pick(r, "uses", "owns", "runs_as", "can_assume")).add("fz:nowhere/" + n).add(n);
      case 6 -> section(bundle, pick(r, SECTIONS)).addObject() // the same id twice, in one section or two
          .put("id", entity.path("id").asText("fz:x")).put("kind", pick(r, "team", "service", "human", "api_token"));
      case 7 -> {
        String[] graph = GRAPH_IDS[r.nextInt(GRAPH_IDS.length)];
        String other = SECTIONS[(java.util.Arrays.asList(SECTIONS).indexOf(graph[0]) + 1 + r.nextInt(3)) % 4];
        section(bundle, other).addObject().put("id", graph[1]).put("kind", "team");
      }
      case 8 -> entity.put("id", "x".repeat(513 + r.nextInt(100)));
      case 9 -> entity.put("id", "fz:" + n + "/\u0007bell");
      case 10 -> bundle.put(pick(r, "format", "source"), pick(r, "blastgate.bundle/v2", "other-source", "a@b", ""));
      case 11 -> bundle.put(pick(r, SECTIONS), pick(r, "x", "{}", "1"));
      case 12 -> section(bundle, pick(r, SECTIONS)).add(pickNode(r));
      case 13 -> bundle.put(pick(r, "workload", "extra", "Owners"), 1);
      case 14 -> entity.putArray("depends_on").add(entity.path("id").asText("fz:x"));
      default -> entity.put(field, "");
    }
  }

  private static ObjectNode anyEntity(Random r, ObjectNode bundle) {
    List<ObjectNode> all = new ArrayList<>();
    for (String section : SECTIONS) {
      bundle.path(section).forEach(e -> {
        if (e instanceof ObjectNode o) {
          all.add(o);
        }
      });
    }
    return all.isEmpty() ? section(bundle, "workloads").addObject() : all.get(r.nextInt(all.size()));
  }

  /** The section's array, made one if an earlier mistake made it something else. */
  private static ArrayNode section(ObjectNode bundle, String name) {
    return bundle.get(name) instanceof ArrayNode array ? array : bundle.putArray(name);
  }

  private static String anyField(Random r, ObjectNode entity) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = entity.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names.isEmpty() ? "id" : names.get(r.nextInt(names.size()));
  }

  /** A value of a type that no field of the bundle takes (null stands for a missing id or kind). */
  private static JsonNode pickNode(Random r) {
    return switch (r.nextInt(5)) {
      case 0 -> NODES.numberNode(r.nextInt());
      case 1 -> NODES.booleanNode(r.nextBoolean());
      case 2 -> NODES.objectNode().put("a", 1);
      case 3 -> NODES.arrayNode().add(1).add("x");
      default -> NODES.nullNode();
    };
  }

  static String pick(Random r, String... options) {
    return options[r.nextInt(options.length)];
  }
}
