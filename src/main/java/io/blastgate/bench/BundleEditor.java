package io.blastgate.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.blastgate.model.Label;
import io.blastgate.model.RelType;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Writes the next version of a JSON bundle, as a source's next sync would send it: a share of its
 * entities added, changed and removed, a third each, chosen by a seed. Streams the bundle twice, one
 * entity at a time, so that it fits a bundle of millions of entities: the first pass draws the entities
 * to remove and to rename (a uniform sample of every label), the second copies the bundle with the
 * edit. Removing an entity drops every reference to it from the others, which changes those too; the
 * result says which entities a re-import must write ({@link EditedBundle#written()}).
 *
 * <p>The added entities are workloads that use the credentials given, in turn (the benchmark gives the
 * most-shared ones, so that their blast radii change); those credentials are never removed.
 */
final class BundleEditor {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonFactory FACTORY = JSON.getFactory();
  private static final int BUFFER = 1 << 20;
  private static final Set<String> REFERENCE_FIELDS = referenceFields();

  private BundleEditor() {}

  /**
   * Edits {@code bundle} into {@code out}: {@code share} of its entities (0.01 for 1 %) split in three,
   * removed, renamed, and added as new workloads using {@code usedByAdded} (the first credential of the
   * bundle when none of those is in it).
   */
  static EditedBundle edit(Path bundle, Path out, double share, long seed, List<String> usedByAdded) {
    if (!(share > 0 && share <= 1)) {
      throw new IllegalArgumentException("the share edited is in (0, 1], was " + share);
    }
    try {
      Draw draw = draw(bundle, share, seed, List.copyOf(usedByAdded));
      return write(bundle, out, draw, seed);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot edit the bundle " + bundle, e);
    }
  }

  /** What the first pass chose: the ids to remove and to rename, and the credentials added workloads use. */
  private record Draw(Set<String> removed, Set<String> renamed, int added, List<String> credentials) {}

  private static Draw draw(Path bundle, double share, long seed, List<String> usedByAdded) throws IOException {
    Set<String> wanted = new HashSet<>(usedByAdded);
    Set<String> present = new HashSet<>();
    List<String> firstCredential = new ArrayList<>();
    long[] entities = {0};
    entities(bundle, (label, entity) -> {
      entities[0]++;
      if (label == Label.CREDENTIAL) {
        String id = entity.path("id").asText();
        if (wanted.contains(id)) {
          present.add(id);
        }
        if (firstCredential.isEmpty()) {
          firstCredential.add(id);
        }
      }
    });
    List<String> credentials = usedByAdded.stream().filter(present::contains).distinct().toList();
    if (credentials.isEmpty()) {
      credentials = firstCredential;
    }
    if (credentials.isEmpty()) {
      throw new IllegalArgumentException("the bundle " + bundle + " has no credential for added workloads to use");
    }
    int each = (int) Math.max(1, Math.round(entities[0] * share / 3));
    Set<String> keep = Set.copyOf(credentials);
    Random random = new Random(seed);
    List<String> drawn = sample(bundle, keep, 2 * each, random);
    Collections.shuffle(drawn, random);
    int removed = Math.min(each, drawn.size());
    return new Draw(new HashSet<>(drawn.subList(0, removed)), new HashSet<>(drawn.subList(removed, drawn.size())),
        each, credentials);
  }

  /** A uniform sample of {@code size} ids of the bundle, those in {@code keep} left out (reservoir sampling). */
  private static List<String> sample(Path bundle, Set<String> keep, int size, Random random) throws IOException {
    List<String> reservoir = new ArrayList<>(size);
    long[] seen = {0};
    entities(bundle, (label, entity) -> {
      String id = entity.path("id").asText();
      if (keep.contains(id)) {
        return;
      }
      if (reservoir.size() < size) {
        reservoir.add(id);
      } else {
        long at = random.nextLong(seen[0] + 1);
        if (at < size) {
          reservoir.set((int) at, id);
        }
      }
      seen[0]++;
    });
    return reservoir;
  }

  private static EditedBundle write(Path bundle, Path out, Draw draw, long seed) throws IOException {
    Set<String> stripped = new HashSet<>();
    List<String> added = new ArrayList<>();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(bundle), BUFFER);
        OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), BUFFER);
        JsonParser p = FACTORY.createParser(in);
        JsonGenerator g = FACTORY.createGenerator(os, JsonEncoding.UTF8)) {
      expect(p.nextToken() == JsonToken.START_OBJECT, bundle, "a JSON object");
      g.writeStartObject();
      boolean workloads = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        Label label = Label.fromSection(field).orElse(null);
        if (label == null || value != JsonToken.START_ARRAY) {
          g.writeFieldName(field);
          g.copyCurrentStructure(p);
          continue;
        }
        g.writeArrayFieldStart(field);
        while (p.nextToken() == JsonToken.START_OBJECT) {
          ObjectNode entity = JSON.readTree(p);
          String id = entity.path("id").asText();
          if (draw.removed().contains(id)) {
            continue;
          }
          if (stripReferences(entity, draw.removed())) {
            stripped.add(id);
          }
          if (draw.renamed().contains(id)) {
            entity.put("name", entity.path("name").asText(id) + " (renamed)");
          }
          g.writeTree(entity);
        }
        if (label == Label.WORKLOAD) {
          workloads = true;
          added.addAll(addWorkloads(g, draw, seed));
        }
        g.writeEndArray();
      }
      if (!workloads) {
        g.writeArrayFieldStart(Label.WORKLOAD.section());
        added.addAll(addWorkloads(g, draw, seed));
        g.writeEndArray();
      }
      g.writeEndObject();
    }
    return new EditedBundle(out, new HashSet<>(added), draw.removed(), draw.renamed(), stripped);
  }

  private static List<String> addWorkloads(JsonGenerator g, Draw draw, long seed) throws IOException {
    List<String> ids = new ArrayList<>(draw.added());
    for (int i = 0; i < draw.added(); i++) {
      String id = "wl:added-" + seed + "-" + i;
      ObjectNode workload = JSON.createObjectNode()
          .put("id", id)
          .put("name", "added workload " + i)
          .put("kind", "service")
          .put("environment", "prod")
          .put("status", "active");
      workload.putArray(RelType.USES.bundleField()).add(draw.credentials().get(i % draw.credentials().size()));
      g.writeTree(workload);
      ids.add(id);
    }
    return ids;
  }

  /** Drops the references to removed ids (an emptied list goes whole); whether any was dropped. */
  private static boolean stripReferences(ObjectNode entity, Set<String> removed) {
    boolean stripped = false;
    for (Iterator<String> names = entity.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!REFERENCE_FIELDS.contains(name)) {
        continue;
      }
      JsonNode value = entity.get(name);
      if (value.isTextual() && removed.contains(value.asText())) {
        names.remove();
        stripped = true;
      } else if (value instanceof ArrayNode items) {
        for (Iterator<JsonNode> it = items.elements(); it.hasNext(); ) {
          if (removed.contains(it.next().asText())) {
            it.remove();
            stripped = true;
          }
        }
        if (items.isEmpty()) {
          names.remove();
        }
      }
    }
    return stripped;
  }

  /** Calls {@code each} with every entity of the bundle, in order, one at a time. */
  static void entities(Path bundle, EntityVisitor each) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(bundle), BUFFER);
        JsonParser p = FACTORY.createParser(in)) {
      expect(p.nextToken() == JsonToken.START_OBJECT, bundle, "a JSON object");
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        Label label = Label.fromSection(p.currentName()).orElse(null);
        if (p.nextToken() != JsonToken.START_ARRAY || label == null) {
          p.skipChildren();
          continue;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
          each.accept(label, JSON.readTree(p));
        }
      }
    }
  }

  @FunctionalInterface
  interface EntityVisitor {
    void accept(Label label, ObjectNode entity) throws IOException;
  }

  private static void expect(boolean ok, Path bundle, String what) throws IOException {
    if (!ok) {
      throw new IOException(bundle + " is not a bundle: expected " + what);
    }
  }

  private static Set<String> referenceFields() {
    Set<String> out = new HashSet<>();
    for (RelType type : RelType.values()) {
      out.add(type.bundleField());
    }
    return Set.copyOf(out);
  }
}
