package io.blastgate.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.blastgate.graph.Graph;
import io.blastgate.importer.GraphSnapshot;
import io.blastgate.testing.InternalNames;
import io.blastgate.testing.Seed;
import io.blastgate.testing.TestGraph;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Malformed imports of every accepted format, posted over real HTTP to one real server on a real
 * Neo4j: a JSON bundle, a CSV folder (zipped, as the command line sends one) and a zip of a bundle.
 * Every answer is checked: no 5xx; every 4xx a problem document, an invalid import's every error
 * located; no internal name anywhere. Then the graph: what was seeded is as it was, and nothing
 * carries the trace of a refused import. A few valid imports are among them on purpose (they must
 * succeed); a mutation may also leave a bundle valid, and what it wrote is accounted for by its source.
 *
 * <p>Deterministic: each case draws from its own random generator, seeded from {@code fuzz.seed} and
 * its number; a failure prints the seed, the case and where its body was saved. {@code
 * -Dfuzz.seed=N} replays (or explores), {@code -Dfuzz.cases=N} sets the cases per format.
 */
@ExtendWith(TestGraph.class)
class ImportFuzzTest {
  private static final long SEED = Long.getLong("fuzz.seed", 20_261_202L);
  private static final int CASES = Integer.getInteger("fuzz.cases", 1_000);
  private static final int IN_FLIGHT = 4;
  /** Every so many cases, one is left valid, and must be imported. */
  private static final int VALID_EVERY = 250;
  /** The seeded graph's source: a few cases import as it, always refused, so a refusal that synced would show. */
  private static final String SEEDED_SOURCE = "payments-inventory";
  private static final String PROBLEMS = "https://blastgate.io/problems/";
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final TestApi api = TestApi.onTestGraph();

  enum Format { JSON_BUNDLE, CSV_FOLDER, ZIP }

  record Case(Format format, int n, String source, String mediaType, byte[] body, boolean valid) {
    String name() {
      return format + "-" + n;
    }
  }

  @Test
  void malformedImportsOfEveryFormatAreRefusedCleanlyAndChangeNothing(Graph graph) throws Exception {
    Seed.ENTITIES.writeTo(graph);
    GraphSnapshot seeded = GraphSnapshot.take();
    long started = System.nanoTime();

    List<Case> cases = new ArrayList<>();
    for (Format format : Format.values()) {
      for (int n = 0; n < CASES; n++) {
        cases.add(draw(format, n));
      }
    }
    List<HttpResponse<String>> answers = post(cases);

    Map<Format, Map<Integer, Integer>> statuses = new EnumMap<>(Format.class);
    List<String> failures = new ArrayList<>();
    Set<String> imported = new java.util.HashSet<>();
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      HttpResponse<String> r = answers.get(i);
      statuses.computeIfAbsent(c.format(), f -> new TreeMap<>()).merge(r.statusCode(), 1, Integer::sum);
      String wrong = wrongWith(c, r);
      if (wrong != null) {
        failures.add(c.name() + " (source " + c.source() + ", " + c.body().length + " bytes, saved as " + save(c) + "): " + wrong);
      } else if (r.statusCode() == 200) {
        imported.add(c.source());
      }
    }
    failures.addAll(FuzzGraph.tracesOfRefusals(seeded, GraphSnapshot.take(), imported));
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("import fuzz, seed %d: %s in %.1f s%n", SEED, statuses, seconds);

    assertThat(failures.subList(0, Math.min(20, failures.size())))
        .as("seed %d (replay with -Dfuzz.seed=%d), %d failures; the first ones", SEED, SEED, failures.size())
        .isEmpty();
    assertThat(imported).as("the valid cases were imported").hasSizeGreaterThanOrEqualTo(3 * ((CASES - 1) / VALID_EVERY + 1));
  }

  /** Case {@code n} of {@code format}: from its own generator, so that it replays alone. */
  private static Case draw(Format format, int n) {
    Random r = new Random(SEED * 1_000_003L + format.ordinal() * 100_003L + n);
    boolean valid = n % VALID_EVERY == 0;
    boolean seededSource = !valid && n % 37 == 5;
    String source = seededSource ? SEEDED_SOURCE : "fz-" + format.ordinal() + "-" + n;
    ObjectNode bundle = FuzzBundles.valid(r, n, source);
    // At least one mistake of meaning: a valid import is costly (written, then searchable), and the
    // mistakes of syntax and encoding below are made on top of it half of the time.
    int meaning = valid ? 0 : 1 + r.nextInt(2);
    for (int i = 0; i < meaning; i++) {
      FuzzBundles.spoil(r, bundle, n, format == Format.CSV_FOLDER);
    }
    String json = bundle.toString();
    return switch (format) {
      case JSON_BUNDLE -> {
        byte[] body = valid ? FuzzBytes.utf8(json)
            : seededSource ? FuzzBytes.surelyRefused(r, json)
            : r.nextBoolean() ? FuzzBytes.mistaken(r, json) : FuzzBytes.utf8(json);
        yield new Case(format, n, source, "application/json", body, valid);
      }
      case CSV_FOLDER -> {
        Map<String, byte[]> files = FuzzArchives.csvFiles(bundle);
        if (seededSource) {
          String any = files.keySet().iterator().next();
          files.put(any, FuzzBytes.insertAt(files.get(any), 4, FuzzBytes.NOT_UTF8[0]));
        } else if (!valid) {
          for (int i = 0; i < 1 + r.nextInt(2); i++) {
            FuzzArchives.spoilCsv(r, files);
          }
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        String folder = r.nextBoolean() ? "inventory/" : "";
        files.forEach((name, bytes) -> entries.put(folder + name, bytes));
        yield new Case(format, n, source, "application/zip", FuzzArchives.zip(entries, r.nextInt(4) == 0), valid);
      }
      case ZIP -> {
        byte[] inside = valid || r.nextBoolean() ? FuzzBytes.utf8(json) : FuzzBytes.mistaken(r, json);
        Map<String, byte[]> entries = new LinkedHashMap<>(Map.of("bundle.json", inside));
        if (seededSource) {
          entries.put("../evil.csv", FuzzBytes.utf8("x"));
        }
        byte[] body = valid || seededSource ? FuzzArchives.zip(entries, false) : FuzzArchives.spoilArchive(r, entries);
        yield new Case(format, n, source, "application/zip", body, valid);
      }
    };
  }

  /** Posts every case, {@link #IN_FLIGHT} at a time, to the one server; answers in the cases' order. */
  private static List<HttpResponse<String>> post(List<Case> cases) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(IN_FLIGHT);
    try {
      List<Future<HttpResponse<String>>> sent = new ArrayList<>();
      for (Case c : cases) {
        HttpRequest request = api.request("/api/v1/imports?format=bundle&source=" + c.source())
            .header("Authorization", "Bearer " + api.token("importer"))
            .header("Content-Type", c.mediaType())
            .POST(HttpRequest.BodyPublishers.ofByteArray(c.body()))
            .build();
        sent.add(pool.submit(() -> api.send(request)));
      }
      List<HttpResponse<String>> answers = new ArrayList<>();
      for (Future<HttpResponse<String>> f : sent) {
        answers.add(f.get());
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }

  /** What is wrong with the answer to a case, or null. */
  private static String wrongWith(Case c, HttpResponse<String> r) {
    int status = r.statusCode();
    String body = r.body();
    String internal = InternalNames.find(body);
    if (status >= 500) {
      return "answered " + status + ": " + cut(body);
    }
    if (internal != null) {
      return "the answer names an internal '" + internal + "': " + cut(body);
    }
    if (c.valid() && status != 200) {
      return "a valid import was refused with " + status + ": " + cut(body);
    }
    try {
      JsonNode answer = JSON.readTree(body);
      if (status == 200) {
        return answer.path("status").asText().equals("succeeded") ? null : "200 but not succeeded: " + cut(body);
      }
      return FuzzGraph.notAProblemDocument(r, answer, PROBLEMS);
    } catch (IOException e) {
      return "the answer is not JSON: " + cut(body);
    }
  }

  private static String save(Case c) {
    try {
      Path dir = Files.createDirectories(Path.of("target", "fuzz-failures"));
      return Files.write(dir.resolve(c.name() + (c.mediaType().endsWith("zip") ? ".zip" : ".json")), c.body()).toString();
    } catch (IOException e) {
      return "(not saved: " + e.getMessage() + ")";
    }
  }

  private static String cut(String text) {
    return text.length() > 600 ? text.substring(0, 600) + "…" : text;
  }
}
