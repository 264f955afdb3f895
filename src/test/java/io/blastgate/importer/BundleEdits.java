package io.blastgate.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The next version of a bundle, as a source's next sync would send it: a share of its entities added,
 * changed and removed (a third each), chosen by a seed. A removed entity's references go from every
 * entity that made them, which changes those entities too; {@link Edited#written()} is every entity a
 * re-import must write.
 */
final class BundleEdits {
  static final List<String> SECTIONS = List.of("identities", "credentials", "workloads", "owners");

  /** The new bundle, and the ids removed, and written (added, or stated otherwise). */
  record Edited(Path bundle, Set<String> removed, Set<String> written) {}

  private BundleEdits() {}

  static Edited edit(Path bundle, Path out, double share, long seed) throws IOException {
    ObjectNode root = (ObjectNode) Fixtures.JSON.readTree(bundle.toFile());
    Random random = new Random(seed);
    List<ObjectNode> entities = new ArrayList<>();
    for (String section : SECTIONS) {
      root.withArray(section).forEach(e -> entities.add((ObjectNode) e));
    }
    int each = Math.max(1, (int) Math.round(entities.size() * share / 3));
    Set<String> removed = new LinkedHashSet<>();
    Set<String> written = new LinkedHashSet<>();
    ArrayNode workloads = root.withArray("workloads");
    while (removed.size() < each) {
      removed.add(workloads.get(random.nextInt(workloads.size())).get("id").asText());
    }
    for (Iterator<JsonNode> it = workloads.elements(); it.hasNext(); ) {
      if (removed.contains(it.next().get("id").asText())) {
        it.remove();
      }
    }
    for (ObjectNode entity : entities) {
      if (!removed.contains(entity.get("id").asText()) && stripReferences(entity, removed)) {
        written.add(entity.get("id").asText());
      }
    }
    int changed = 0;
    while (changed < each) {
      ObjectNode entity = entities.get(random.nextInt(entities.size()));
      String id = entity.get("id").asText();
      if (!removed.contains(id) && written.add(id)) {
        entity.put("name", entity.path("name").asText(id) + " (renamed)");
        changed++;
      }
    }
    String credential = root.withArray("credentials").get(0).get("id").asText();
    for (int i = 0; i < each; i++) {
      workloads.addObject().put("id", "wl:added-" + seed + "-" + i).put("kind", "service")
          .putArray("uses").add(credential);
      written.add("wl:added-" + seed + "-" + i);
    }
    Fixtures.JSON.writeValue(out.toFile(), root);
    return new Edited(out, removed, written);
  }

  /** Drops the references to removed ids; whether any was dropped. */
  private static boolean stripReferences(ObjectNode entity, Set<String> removed) {
    boolean stripped = false;
    List<String> drop = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = entity.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode value = field.getValue();
      if (value.isTextual() && removed.contains(value.asText()) && !field.getKey().equals("id")) {
        drop.add(field.getKey());
      } else if (value.isArray()) {
        for (Iterator<JsonNode> items = value.elements(); items.hasNext(); ) {
          if (removed.contains(items.next().asText())) {
            items.remove();
            stripped = true;
          }
        }
      }
    }
    drop.forEach(entity::remove);
    return stripped || !drop.isEmpty();
  }
}
