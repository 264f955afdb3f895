package io.blastgate.http;

import io.blastgate.http.RealFormatsFuzzTest.Format;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The real formats' samples ({@code importers/<format>/samples/}), read once, as the fuzzer starts from them. */
final class RealSamples {
  /** Stands in a tree for a lone surrogate escape, which a JSON writer cannot write; see {@link #withEscapes}. */
  static final String LONE_SURROGATE = "@LONE-SURROGATE@";
  private static final Path ROOT = Path.of("importers");
  private static final Map<Format, Map<String, String>> YAML = new java.util.EnumMap<>(Map.of(
      Format.KUBERNETES, files(ROOT.resolve("kubernetes/samples"), true, ".yaml"),
      Format.BACKSTAGE, files(ROOT.resolve("backstage/samples"), true, ".yaml")));
  private static final List<Map<String, String>> AWS = List.of(
      files(ROOT.resolve("aws-iam/samples/acme"), false, ".json", ".csv"),
      files(ROOT.resolve("aws-iam/samples/cloudmapper-demo"), false, ".json", ".csv"),
      files(ROOT.resolve("aws-iam/samples/aws-cli"), false, ".json"));

  private RealSamples() {}

  /** {@code text} without the samples' own file names, which may look like a package's ({@code org.yaml}). */
  static String withoutSampleNames(String text) {
    return text.replace("org.yaml", "org-file");
  }

  /** The format's name, as {@code format=} takes it. */
  static String name(Format format) {
    return switch (format) {
      case KUBERNETES -> "kubernetes";
      case BACKSTAGE -> "backstage";
      case AWS_IAM -> "aws-iam";
    };
  }

  /** A YAML format's sample files by their path inside its samples folder. */
  static Map<String, String> yamlFiles(Format format) {
    return YAML.get(format);
  }

  /** Sample files that import alone, as one upload. */
  static List<String> validAlone(Format format) {
    return switch (format) {
      case KUBERNETES -> List.of("GoogleCloudPlatform__microservices-demo/release/kubernetes-manifests.yaml",
          "kubernetes__examples/AI/vllm-deployment/vllm-deployment.yaml",
          "kubernetes__examples/AI/vllm-deployment/hpa/prometheus-adapter.yaml");
      case BACKSTAGE -> List.of("catalog-info.yaml", "examples/acme/org.yaml",
          "examples/components/artist-lookup-component.yaml", "examples/acme/team-a-group.yaml");
      case AWS_IAM -> List.of();
    };
  }

  /** One of the AWS samples' folders (its own files, not its sub-folders'). */
  static Map<String, String> awsFolder(Random r) {
    return AWS.get(r.nextInt(AWS.size()));
  }

  /** The file of a folder holding {@code get-account-authorization-details}. */
  static String details(Map<String, String> folder) {
    return folder.entrySet().stream().filter(e -> e.getValue().contains("\"UserDetailList\"")).findFirst().orElseThrow().getKey();
  }

  /** The credential report CSV of a folder, or null. */
  static String csvReport(Map<String, String> folder) {
    return folder.keySet().stream().filter(name -> name.endsWith(".csv")).findFirst().orElse(null);
  }

  /** JSON text with the stand-ins for lone surrogates written as their escapes. */
  static String withEscapes(String json) {
    return json.replace(LONE_SURROGATE, "\\ud800");
  }

  private static Map<String, String> files(Path folder, boolean deep, String... suffixes) {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(folder, deep ? Integer.MAX_VALUE : 1)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String name = folder.relativize(p).toString().replace('\\', '/');
        if (Stream.of(suffixes).anyMatch(name::endsWith)) {
          out.put(name, Files.readString(p));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
