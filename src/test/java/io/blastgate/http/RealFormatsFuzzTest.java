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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Malformed imports of the real formats (Kubernetes manifests, a Backstage catalog, an AWS IAM export),
 * made from their samples ({@code importers/<format>/samples/}) and posted over real HTTP to one real
 * server on a real Neo4j, as one file or inside a zip, with {@code format=} given or left to detection.
 * Every answer is checked as {@link ImportFuzzTest} checks the bundle's: no 5xx; every 4xx a problem
 * document whose every error is located as the format promises (YAML: {@code file:line, document N,
 * /pointer}; AWS JSON: {@code file#/pointer}; CSV: {@code file:line:column}); no internal name (the
 * YAML library's included); then the graph: nothing carries the trace of a refused import. Some cases
 * are valid on purpose, and must import.
 *
 * <p>Deterministic per case: {@code -Dfuzz.seed=N} replays or explores, {@code -Dfuzz.cases=N} sets
 * the cases per format (the default keeps the test to about a minute on two busy cores).
 */
@ExtendWith(TestGraph.class)
class RealFormatsFuzzTest {
  private static final long SEED = Long.getLong("fuzz.seed", 20_261_202L);
  private static final int CASES = Integer.getInteger("fuzz.cases", 60);
  /** {@code -Dfuzz.only=KUBERNETES-17,AWS_IAM-3}: replays only these cases. */
  private static final Set<String> ONLY = Set.of(System.getProperty("fuzz.only", "").split(",")).stream()
      .filter(s -> !s.isBlank()).collect(java.util.stream.Collectors.toSet());
  private static final int IN_FLIGHT = 3;
  private static final int VALID_EVERY = 15;
  private static final String SEEDED_SOURCE = "payments-inventory";
  private static final String PROBLEMS = "https://blastgate.io/problems/";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] YAML_TYPES = {"application/yaml", "application/x-yaml", "text/yaml"};
  /** What {@link InternalNames} does not know: the YAML library's names and the test server's folders. */
  private static final Pattern MORE_INTERNALS = Pattern.compile(
      "(?i)snakeyaml|org\\.yaml|MarkedYAML|YAMLException|\\bLoaderOptions\\b|blastgate-test-api|\\bupload-[0-9a-z]+\\.");
  /** A YAML format's place: {@code file:line, document N[, /pointer]} ({@code line N, …} for an upload). */
  private static final Pattern YAML_PLACE = Pattern.compile("^(\\S.*:\\d+|line \\d+), document \\d+(, /.*)?$");
  /** An AWS place: {@code file#/pointer}, a pointer, {@code file:line:column} or {@code file#/Content:line:column}. */
  private static final Pattern AWS_PLACE = Pattern.compile("^((\\S[^#]*)?#)?/.*$|^\\S.*:\\d+:\\d+$");
  /** The escape of half a surrogate pair, as the fuzzer writes one (never followed by the other half). */
  private static final Pattern LONE_SURROGATE = Pattern.compile("\\\\u[dD][89a-fA-F][0-9a-fA-F]{2}");
  /** A place that names the whole input, an archive's entry or a query parameter. */
  private static final Pattern WHOLE = Pattern.compile("^[^\\s:#]+$");

  @RegisterExtension static final TestApi api = TestApi.onTestGraph();

  enum Format { KUBERNETES, BACKSTAGE, AWS_IAM }

  record Case(Format format, int n, String query, String mediaType, byte[] body, boolean valid, String source) {
    String name() {
      return format + "-" + n;
    }
  }

  @Test
  void malformedRealFormatImportsAreRefusedCleanlyAndChangeNothing(Graph graph) throws Exception {
    Seed.ENTITIES.writeTo(graph);
    GraphSnapshot seeded = GraphSnapshot.take();
    long started = System.nanoTime();
    List<Case> cases = new ArrayList<>();
    for (Format format : Format.values()) {
      for (int n = 0; n < CASES; n++) {
        Case c = draw(format, n);
        if (ONLY.isEmpty() || ONLY.contains(c.name())) {
          cases.add(c);
        }
      }
    }
    List<Answer> answers = post(cases);

    Map<Format, Map<Integer, Integer>> statuses = new EnumMap<>(Format.class);
    List<String> failures = new ArrayList<>();
    Set<String> imported = new HashSet<>();
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      HttpResponse<String> r = answers.get(i).response();
      statuses.computeIfAbsent(c.format(), f -> new TreeMap<>()).merge(r == null ? 0 : r.statusCode(), 1, Integer::sum);
      String wrong = r == null ? answers.get(i).none() : wrongWith(c, r);
      if (wrong != null) {
        failures.add(c.name() + " (" + c.query() + ", " + c.body().length + " bytes, saved as " + save(c) + "): " + wrong);
      } else if (r.statusCode() == 200) {
        imported.add(c.source());
      }
    }
    failures.addAll(FuzzGraph.tracesOfRefusals(seeded, GraphSnapshot.take(), imported));
    Files.write(Files.createDirectories(Path.of("target", "fuzz-failures")).resolve("real-formats.txt"), failures);
    List<Integer> slowest = new ArrayList<>(java.util.stream.IntStream.range(0, cases.size()).boxed().toList());
    slowest.sort(java.util.Comparator.comparingLong(i -> -answers.get(i).millis()));
    slowest.stream().limit(5).forEach(i -> System.out.printf("slow: %s (%d bytes) %d ms%n", cases.get(i).name(),
        cases.get(i).body().length, answers.get(i).millis()));
    System.out.printf("real-format fuzz, seed %d, %d cases per format: %s in %.1f s%n", SEED, CASES, statuses,
        (System.nanoTime() - started) / 1e9);

    assertThat(failures.subList(0, Math.min(20, failures.size())))
        .as("seed %d (replay with -Dfuzz.seed=%d), %d failures; the first ones", SEED, SEED, failures.size())
        .isEmpty();
    assertThat(ONLY.isEmpty() ? imported : Set.of("-")).as("the valid cases were imported")
        .hasSizeGreaterThanOrEqualTo(Format.values().length * ((CASES - 1) / VALID_EVERY + 1));
  }

  /** The two classic YAML attacks, by hand: each a 422 naming the limit it broke, and nothing written. */
  @Test
  void aBillionLaughsAndTenThousandLevelsOfNestingAreRefusedByTheirLimits(Graph graph) throws Exception {
    Seed.ENTITIES.writeTo(graph);
    GraphSnapshot seeded = GraphSnapshot.take();
    String manifest = RealSamples.yamlFiles(Format.KUBERNETES).get(RealSamples.validAlone(Format.KUBERNETES).get(1));
    Map<String, String> attacks = Map.of(
        FuzzYaml.aliasBomb(9, 10), "values (aliases expanded)",
        manifest + "\n---\n" + FuzzYaml.aliasBomb(9, 10), "values (aliases expanded)",
        "a: &a [x]\nb: [" + "*a, ".repeat(1_001) + "]", "more than 1000 aliases in one document",
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: " + FuzzYaml.deepFlow(10_000), "nesting deeper than 200 levels",
        manifest + "\n---\nx:" + FuzzYaml.deepBlock(10_000), "nesting deeper than 200 levels");
    for (var attack : attacks.entrySet()) {
      long started = System.nanoTime();
      HttpResponse<String> r = api.post("/api/v1/imports?source=attack&format=kubernetes", "importer",
          "application/yaml", FuzzBytes.utf8(attack.getKey()));
      System.out.printf("%s: %d in %d ms%n", attack.getValue(), r.statusCode(), (System.nanoTime() - started) / 1_000_000);

      assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
      JsonNode errors = JSON.readTree(r.body()).path("report").path("errors");
      assertThat(errors).hasSize(1);
      assertThat(errors.get(0).path("location").asText()).matches("line \\d+, document \\d+");
      assertThat(errors.get(0).path("message").asText()).contains(attack.getValue());
    }
    assertThat(FuzzGraph.tracesOfRefusals(seeded, GraphSnapshot.take(), Set.of())).isEmpty();
  }

  /** Case {@code n} of {@code format}: from its own generator, so that it replays alone. */
  private static Case draw(Format format, int n) {
    Random r = new Random(SEED * 1_000_003L + (format.ordinal() + 7) * 100_003L + n);
    boolean valid = n % VALID_EVERY == 0;
    boolean seededSource = !valid && n % 37 == 5;
    String source = seededSource ? SEEDED_SOURCE : "rf-" + format.ordinal() + "-" + n;
    boolean named = r.nextInt(3) > 0;
    String query = "/api/v1/imports?source=" + source + (named ? "&format=" + RealSamples.name(format) : "")
        + (format == Format.KUBERNETES && named && r.nextBoolean() ? "&cluster=c" + n : "");
    boolean zipped = r.nextInt(4) == 0;
    return switch (format) {
      case KUBERNETES, BACKSTAGE -> {
        Map<String, String> files = RealSamples.yamlFiles(format);
        List<String> names = valid && !zipped ? RealSamples.validAlone(format) : new ArrayList<>(files.keySet());
        String file = names.get(r.nextInt(names.size()));
        String text = files.get(file);
        byte[] body = valid ? FuzzBytes.utf8(FuzzYaml.harmless(r, text)) : seededSource ? FuzzYaml.surelyRefused(r, text) : FuzzYaml.mistaken(r, text);
        if (zipped) {
          Map<String, byte[]> entries = new LinkedHashMap<>();
          files.forEach((name, content) -> entries.put(name, FuzzBytes.utf8(content)));
          entries.put(file, body);
          yield new Case(format, n, query, "application/zip", FuzzArchives.zip(entries, r.nextBoolean()), valid, source);
        }
        yield new Case(format, n, query, FuzzBundles.pick(r, YAML_TYPES), body, valid, source);
      }
      case AWS_IAM -> iam(r, n, query, valid, seededSource, zipped, source);
    };
  }

  private static Case iam(Random r, int n, String query, boolean valid, boolean seededSource, boolean zipped, String source) {
    Map<String, String> folder = RealSamples.awsFolder(r);
    String details = RealSamples.details(folder);
    ObjectNode tree = FuzzIam.parse(folder.get(details));
    int meaning = valid ? 0 : r.nextInt(3);
    for (int i = 0; i < meaning; i++) {
      FuzzIam.spoil(r, tree);
    }
    String json = valid ? FuzzIam.harmless(r, tree) : RealSamples.withEscapes(tree.toString());
    byte[] body = seededSource ? FuzzBytes.surelyRefused(r, json)
        : valid || meaning > 0 && r.nextBoolean() ? FuzzBytes.utf8(json) : FuzzBytes.mistaken(r, json);
    if (!zipped) {
      return new Case(Format.AWS_IAM, n, query, "application/json", body, valid, source);
    }
    Map<String, byte[]> entries = new LinkedHashMap<>();
    folder.forEach((name, content) -> entries.put(name, FuzzBytes.utf8(content)));
    entries.put(details, body);
    String report = RealSamples.csvReport(folder);
    if (report != null && !valid && r.nextBoolean()) {
      entries.put(report, FuzzBytes.utf8(FuzzIam.spoilReport(r, folder.get(report))));
    }
    return new Case(Format.AWS_IAM, n, query, "application/zip", FuzzArchives.zip(entries, false), valid, source);
  }

  /** An answer, or why there was none (no answer within the client's timeout), and how long it took. */
  record Answer(HttpResponse<String> response, String none, long millis) {}

  /** Posts every case, {@link #IN_FLIGHT} at a time, to the one server; answers in the cases' order. */
  private static List<Answer> post(List<Case> cases) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(IN_FLIGHT);
    try {
      List<Future<Answer>> sent = new ArrayList<>();
      for (Case c : cases) {
        sent.add(pool.submit(() -> {
          long started = System.nanoTime();
          try {
            HttpResponse<String> r = api.post(c.query(), "importer", c.mediaType(), c.body());
            return new Answer(r, null, (System.nanoTime() - started) / 1_000_000);
          } catch (java.io.UncheckedIOException e) {
            return new Answer(null, "no answer: " + e.getCause(), (System.nanoTime() - started) / 1_000_000);
          }
        }));
      }
      List<Answer> answers = new ArrayList<>();
      for (Future<Answer> f : sent) {
        answers.add(f.get());
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }

  /** What is wrong with the answer to a case, or null. */
  static String wrongWith(Case c, HttpResponse<String> r) {
    int status = r.statusCode();
    // The samples' own file names are the user's words, not the program's (Backstage's examples/acme/org.yaml).
    String body = RealSamples.withoutSampleNames(r.body());
    String internal = InternalNames.find(body);
    var more = MORE_INTERNALS.matcher(body);
    if (status >= 500) {
      return "answered " + status + ": " + cut(body);
    }
    if (internal != null || more.find()) {
      return "the answer names an internal '" + (internal != null ? internal : more.group()) + "': " + cut(body);
    }
    if (c.valid() && status != 200) {
      return "a valid import was refused with " + status + ": " + cut(body);
    }
    try {
      JsonNode answer = JSON.readTree(body);
      if (status == 200) {
        if (LONE_SURROGATE.matcher(new String(c.body(), StandardCharsets.ISO_8859_1)).find()) {
          return "imported, though it holds a lone surrogate escape, which no reader may take: " + cut(body);
        }
        return answer.path("status").asText().equals("succeeded") ? null : "200 but not succeeded: " + cut(body);
      }
      String notProblem = FuzzGraph.notAProblemDocument(r, answer, PROBLEMS);
      return notProblem != null ? notProblem : unlocated(answer.path("report"));
    } catch (IOException e) {
      return "the answer is not JSON: " + cut(body);
    }
  }

  /** The first error of a refused import that is not where its format promises to say, or null. */
  private static String unlocated(JsonNode report) {
    String format = report.path("format").asText();
    for (JsonNode e : report.path("errors")) {
      String location = e.path("location").asText();
      String message = e.path("message").asText();
      boolean placed = WHOLE.matcher(location).matches() || switch (format) {
        case "kubernetes", "backstage" -> YAML_PLACE.matcher(location).matches();
        case "aws-iam" -> AWS_PLACE.matcher(location).matches();
        default -> true; // the bundle's places are JSON pointers, "" the whole document
      };
      boolean lined = !message.startsWith("malformed") || message.matches("malformed \\w+ at line \\d+.*");
      if (!placed || !lined) {
        return "a " + format + " error not said where: '" + location + "': " + message;
      }
    }
    return null;
  }

  private static String save(Case c) {
    try {
      Path dir = Files.createDirectories(Path.of("target", "fuzz-failures"));
      String suffix = c.mediaType().endsWith("zip") ? ".zip" : c.mediaType().endsWith("json") ? ".json" : ".yaml";
      return Files.write(dir.resolve(c.name() + suffix), c.body()).toString();
    } catch (IOException e) {
      return "(not saved: " + e.getMessage() + ")";
    }
  }

  private static String cut(String text) {
    return text.length() > 600 ? text.substring(0, 600) + "…" : text;
  }
}
