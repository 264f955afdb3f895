package io.blastgate.importer;

import io.blastgate.importer.input.InputChoice;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Not a test: generates a Backstage catalog of {@code args[0]} Components (each owned by one of a
 * fiftieth as many Groups, depending on the component before it and on one of a tenth as many
 * Resources, every tenth providing an API that the next nine consume; a lifecycle and a criticality
 * tag each) and a User per Group, as one multi-document file, imports it twice into the test harness
 * as {@code backstage} ({@link ReaderBenchRun}) and prints the phase times. Run with the test
 * classpath: {@code java -Xmx2g -cp … io.blastgate.importer.CatalogBench 10000}.
 */
public final class CatalogBench {
  private CatalogBench() {}

  public static void main(String[] args) throws Exception {
    int components = Integer.parseInt(args[0]);
    Path file = Files.createTempFile("catalog-bench-", ".yaml");
    try {
      write(file, components);
      System.out.printf("catalog: %d Components, %d KiB%n", components, Files.size(file) >> 10);
      ReaderBenchRun.importTwice(file, "catalog-info.yaml",
          new InputChoice(Optional.of("backstage"), Map.of()), components, "Components");
    } finally {
      Files.deleteIfExists(file);
      System.exit(0); // the harness's threads are not daemons
    }
  }

  static void write(Path file, int components) throws IOException {
    int groups = Math.max(1, components / 50);
    int resources = Math.max(1, components / 10);
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      for (int g = 0; g < groups; g++) {
        out.write("""
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata: {name: team-%1$d}
            spec: {type: team, profile: {displayName: Team %1$d}, children: [], members: [user-%1$d]}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: User
            metadata: {name: user-%1$d}
            spec: {profile: {email: user-%1$d@example.com}, memberOf: [team-%1$d]}
            """.formatted(g));
      }
      for (int r = 0; r < resources; r++) {
        out.write("""
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Resource
            metadata: {name: db-%1$d, tags: [critical]}
            spec: {type: database, owner: team-%2$d}
            """.formatted(r, r % groups));
      }
      for (int c = 0; c < components; c++) {
        String depends = c % 100 == 0 ? "[resource:db-" + (c % resources) + "]"
            : "[component:svc-" + (c - 1) + ", resource:db-" + (c % resources) + "]";
        String apis = c % 10 == 0 ? "providesApis: [api-" + c + "]" : "consumesApis: [api-" + (c - c % 10) + "]";
        out.write("""
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata:
              name: svc-%1$d
              tags: [%2$s-criticality]
              annotations: {github.com/project-slug: example/svc-%1$d}
            spec: {type: service, lifecycle: production, owner: team-%3$d, dependsOn: %4$s, %5$s}
            """.formatted(c, c % 3 == 0 ? "high" : "medium", c % groups, depends, apis));
      }
    }
  }
}
