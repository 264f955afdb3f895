package io.blastgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.blastgate.importer.ImportProgress;
import io.blastgate.importer.ImportReport;
import io.blastgate.importer.Importer;
import io.blastgate.importer.input.InputChoice;
import io.blastgate.wire.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An organisation the demo can serve: what it imports, the people its tokens are issued to, and the
 * targets its banner suggests. {@code acme} is one canonical bundle; {@code real-formats} is Northwind,
 * built only from files in the formats identity teams already have (fixtures/real-formats/README.md),
 * imported as the sources its {@code sources.json} lists, in that order.
 */
enum DemoOrganisation {
  ACME("acme", "the Acme organisation",
      new String[][] {
        {"viewer", "person:ana.silva", "VIEWER"},
        {"importer", "person:diego.ramos", "IMPORTER"},
        {"responder", "person:uche.eze", "RESPONDER"},
        {"approver", "person:ben.okafor", "APPROVER_PAYMENTS"},
        {"approver", "person:pablo.diaz", "APPROVER_WEB"},
        {"auditor", "person:xena.park", "AUDITOR"},
        {"admin", "person:vera.novak", "ADMIN"}
      },
      List.of("blast-radius?target=cred:vault/shared/datadog-api-key", "entities?q=stripe%20key",
          "blast-radius?target=aws:iam::444455556666:role/break-glass-admin")),
  REAL_FORMATS("real-formats", "Northwind (from Kubernetes, Backstage, AWS IAM and CODEOWNERS files)",
      new String[][] {
        {"viewer", "person:li-wei", "VIEWER"},
        {"importer", "person:jo-park", "IMPORTER"},
        {"responder", "person:rui-costa", "RESPONDER"},
        {"approver", "person:amara-obi", "APPROVER_PAYMENTS"},
        {"approver", "person:sam-roy", "APPROVER_WEB"},
        {"auditor", "person:ines-moreau", "AUDITOR"},
        {"admin", "person:viktor-lind", "ADMIN"}
      },
      List.of("blast-radius?target=k8s:prod/shop/secret/stripe-api-key", "entities?q=checkout",
          "blast-radius?target=arn:aws:iam::210987654321:role/orders-reader"));

  static final String ACME_BUNDLE = "/fixtures/demo/acme-org.json";
  static final String REAL_FORMATS_FOLDER = "/fixtures/real-formats";

  private final String wireName;
  private final String description;
  private final String[][] people;
  private final List<String> examples;

  DemoOrganisation(String wireName, String description, String[][] people, List<String> examples) {
    this.wireName = wireName;
    this.description = description;
    this.people = people;
    this.examples = examples;
  }

  String wireName() {
    return wireName;
  }

  String description() {
    return description;
  }

  /** Role, principal and shell variable of each token the demo issues: one role per person. */
  String[][] people() {
    return people.clone();
  }

  /** API paths, under {@code /api/v1/}, that the banner shows with curl. */
  List<String> examples() {
    return examples;
  }

  static Optional<DemoOrganisation> fromWireName(String name) {
    return Stream.of(values()).filter(o -> o.wireName.equals(name)).findFirst();
  }

  static String wireNames() {
    return String.join(", ", Stream.of(values()).map(DemoOrganisation::wireName).toList());
  }

  /** Imports the organisation through {@code importer}; one report per source, in import order. */
  List<ImportReport> load(Importer importer) throws IOException {
    Path work = Files.createTempDirectory("blastgate-demo-");
    try {
      return this == ACME ? List.of(loadBundle(importer, work)) : loadSources(importer, copyOut(work));
    } finally {
      deleteTree(work);
    }
  }

  private static ImportReport loadBundle(Importer importer, Path work) throws IOException {
    Path bundle = work.resolve("acme-org.json");
    try (InputStream in = DemoOrganisation.class.getResourceAsStream(ACME_BUNDLE)) {
      if (in == null) {
        throw new IllegalStateException("the demo bundle is missing from the program: " + ACME_BUNDLE);
      }
      Files.copy(in, bundle);
    }
    return checked(importer.importPath(bundle, Optional.empty(), ImportProgress.none()));
  }

  private static List<ImportReport> loadSources(Importer importer, Path folder) throws IOException {
    JsonNode sources = Json.mapper().readTree(folder.resolve("sources.json").toFile());
    List<ImportReport> reports = new ArrayList<>();
    for (JsonNode source : sources.path("imports")) {
      Map<String, String> options = new LinkedHashMap<>();
      source.path("options").properties().forEach(e -> options.put(e.getKey(), e.getValue().asText()));
      Path input = folder.resolve(source.get("path").asText());
      InputChoice choice = new InputChoice(Optional.of(source.get("format").asText()), options);
      reports.add(checked(importer.importPath(input, input.getFileName().toString(),
          Optional.of(source.get("source").asText()), choice, ImportProgress.none())));
    }
    return reports;
  }

  private static ImportReport checked(ImportReport report) {
    if (!report.succeeded()) {
      throw new IllegalStateException("a demo source did not import: " + report.errors());
    }
    return report;
  }

  /** Copies the organisation's files out of the program (a jar, or a folder in development) into {@code work}. */
  private static Path copyOut(Path work) throws IOException {
    URI uri;
    try {
      var url = DemoOrganisation.class.getResource(REAL_FORMATS_FOLDER + "/sources.json");
      if (url == null) {
        throw new IllegalStateException("the demo's files are missing from the program: " + REAL_FORMATS_FOLDER);
      }
      uri = url.toURI();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    Path target = work.resolve("real-formats");
    if (!"jar".equals(uri.getScheme())) {
      copyTree(Path.of(uri).getParent(), target);
      return target;
    }
    FileSystem jar;
    boolean opened = false;
    try {
      jar = FileSystems.newFileSystem(uri, Map.of());
      opened = true;
    } catch (FileSystemAlreadyExistsException e) {
      jar = FileSystems.getFileSystem(uri);
    }
    try {
      copyTree(jar.getPath(REAL_FORMATS_FOLDER), target);
    } finally {
      if (opened) {
        jar.close();
      }
    }
    return target;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the demo's temporary files could not be deleted: " + dir, e);
    }
  }
}
