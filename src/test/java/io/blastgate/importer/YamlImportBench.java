package io.blastgate.importer;

import io.blastgate.importer.input.InputChoice;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Not a test: generates {@code args[0]} Deployments (each with its own ServiceAccount, a Secret of
 * its own and one of ten shared ones, an owner label; a Service per ten) as one multi-document
 * manifest, imports it into the test harness as {@code kubernetes} twice and prints the phase times
 * ({@link ReaderBenchRun}), for {@code importers/kubernetes/README.md}, "Speed". Run with the test classpath: {@code java …
 * io.blastgate.importer.YamlImportBench 10000}.
 */
public final class YamlImportBench {
  private YamlImportBench() {}

  public static void main(String[] args) throws Exception {
    int deployments = Integer.parseInt(args[0]);
    Path file = Files.createTempFile("bench-", ".yaml");
    try {
      write(file, deployments);
      System.out.printf("manifests: %d Deployments, %d KiB%n", deployments, Files.size(file) >> 10);
      ReaderBenchRun.importTwice(file, "bench.yaml", new InputChoice(Optional.of("kubernetes"),
          Map.of("cluster", "bench")), deployments, "Deployments");
    } finally {
      Files.deleteIfExists(file);
      System.exit(0);
    }
  }

  static void write(Path file, int deployments) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      for (int i = 0; i < deployments; i++) {
        String ns = "ns" + (i % 50);
        out.write("""
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: sa-%1$d, namespace: %2$s}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: app-%1$d
              namespace: %2$s
              labels: {team: team-%3$d, criticality: high}
            spec:
              template:
                metadata: {labels: {app: app-%1$d}}
                spec:
                  serviceAccountName: sa-%1$d
                  containers:
                  - name: app
                    image: example/app:%1$d
                    env:
                    - {name: OWN, valueFrom: {secretKeyRef: {name: own-%1$d, key: k}}}
                    envFrom: [{secretRef: {name: shared-%4$d}}]
            """.formatted(i, ns, i % 100, i % 10));
        if (i % 10 == 0) {
          out.write("""
              ---
              apiVersion: v1
              kind: Service
              metadata: {name: svc-%1$d, namespace: %2$s}
              spec: {selector: {app: app-%1$d}}
              """.formatted(i, ns));
        }
      }
    }
  }
}
