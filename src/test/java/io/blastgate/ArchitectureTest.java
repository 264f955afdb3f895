package io.blastgate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The arrows of docs/architecture.md, which draws them: model and error at the bottom; graph (the
 * only package that knows Neo4j's driver) above them; the features above graph, using each other only
 * as {@link #FEATURE_ARROWS} declares; services (the features wired over one graph) above the
 * features; then the edges, http and wire, bench, the composition root app, and cli on top, which
 * does not know http. The plugin runs inside Neo4j and knows only the model. The features' tests are
 * held to the features' arrows, with the few reaches across that {@link #TEST_REACHES} declares.
 */
class ArchitectureTest {
  private static final String ROOT = "io.blastgate.";

  private static final JavaClasses PROGRAM =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.blastgate");

  private static final JavaClasses TESTS =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
          .importPackages("io.blastgate");

  /**
   * Which feature may use which, besides itself. A feature not named on the right of an arrow is
   * unknown to the one on the left. (To come: the gate uses the blast radius; every feature writes
   * the audit.)
   */
  static final Map<String, Set<String>> FEATURE_ARROWS =
      new TreeMap<>(
          Map.of(
              "audit", Set.of(),
              "blastradius", Set.of(),
              "entities", Set.of(),
              "gate", Set.of("blastradius"),
              "importer", Set.of("importer.input"),
              "importer.input", Set.of()));

  /**
   * What tests of a feature may use beyond the feature's own arrows (and the shared {@code testing}
   * helpers): the blast radius's tests load their scenarios with the importer and draw a synthetic
   * organisation from the benchmark's generator; the importer's tests draw one too, to load it both
   * ways (transactional and bulk) and compare; the gate's tests load theirs with the importer and
   * weigh a synthetic organisation's targets (the benchmark's own) both ways, one statement or four.
   */
  static final Map<String, Set<String>> TEST_REACHES =
      Map.of("blastradius", Set.of("importer", "bench"), "importer", Set.of("bench"), "gate", Set.of("importer", "bench"));

  @Test
  void layersPointOneWay() {
    layers().check(PROGRAM);
  }


  private static com.tngtech.archunit.library.Architectures.LayeredArchitecture layers() {
    return layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .optionalLayer("Model").definedBy("io.blastgate.model..")
        .optionalLayer("Error").definedBy("io.blastgate.error..")
        .optionalLayer("Plugin").definedBy("io.blastgate.plugin..")
        .optionalLayer("Graph").definedBy("io.blastgate.graph..")
        .optionalLayer("Config").definedBy("io.blastgate.config..")
        .optionalLayer("Auth").definedBy("io.blastgate.auth..")
        .optionalLayer("Features").definedBy(featurePackages())
        .optionalLayer("Services").definedBy("io.blastgate.services..")
        .optionalLayer("Wire").definedBy("io.blastgate.wire..")
        .optionalLayer("Http").definedBy("io.blastgate.http..")
        .optionalLayer("Bench").definedBy("io.blastgate.bench..")
        .optionalLayer("App").definedBy("io.blastgate.app..")
        .optionalLayer("Cli").definedBy("io.blastgate.cli..")
        .whereLayer("Cli").mayNotBeAccessedByAnyLayer()
        .whereLayer("App").mayOnlyBeAccessedByLayers("Cli", "Bench")
        .whereLayer("Bench").mayOnlyBeAccessedByLayers("Cli")
        .whereLayer("Http").mayOnlyBeAccessedByLayers("App")
        .whereLayer("Wire").mayOnlyBeAccessedByLayers("Http", "Cli")
        .whereLayer("Services").mayOnlyBeAccessedByLayers("Http", "App", "Bench", "Cli")
        .whereLayer("Features")
        .mayOnlyBeAccessedByLayers("Services", "Wire", "Http", "Bench", "App", "Cli")
        .whereLayer("Auth").mayOnlyBeAccessedByLayers("Http", "App", "Cli")
        .whereLayer("Config").mayOnlyBeAccessedByLayers("Services", "Http", "Bench", "App", "Cli")
        .whereLayer("Graph")
        .mayOnlyBeAccessedByLayers("Features", "Config", "Services", "Http", "Bench", "App")
        .whereLayer("Plugin").mayOnlyBeAccessedByLayers("Graph")
        .whereLayer("Plugin").mayOnlyAccessLayers("Model")
        .whereLayer("Model").mayOnlyAccessLayers("Model")
        .whereLayer("Error").mayOnlyAccessLayers("Error");
  }

  @Test
  void featuresUseEachOtherOnlyAsDeclared() {
    featureArrows(PROGRAM, FEATURE_ARROWS, Map.of());
  }

  @Test
  void testsOfAFeatureReachAcrossOnlyAsDeclared() {
    featureArrows(TESTS, FEATURE_ARROWS, TEST_REACHES);
  }

  /**
   * For each feature: no class of it depends on another feature, nor on a package above the
   * features, unless an arrow (or, for tests, a declared reach) allows it.
   */
  private static void featureArrows(
      JavaClasses classes, Map<String, Set<String>> arrows, Map<String, Set<String>> reaches) {
    List<String> above = List.of("services", "wire", "http", "bench", "app", "cli");
    arrows.forEach(
        (feature, allowed) -> {
          List<String> forbidden = new ArrayList<>();
          for (String other : arrows.keySet()) {
            if (!other.equals(feature) && !allowed.contains(other) && !reaches.getOrDefault(feature, Set.of()).contains(other)) {
              forbidden.add(pattern(other));
            }
          }
          for (String edge : above) {
            if (!reaches.getOrDefault(feature, Set.of()).contains(edge)) {
              forbidden.add(ROOT + edge + "..");
            }
          }
          noClasses()
              .that()
              .resideInAPackage(ROOT + feature)
              .should()
              .dependOnClassesThat()
              .resideInAnyPackage(forbidden.toArray(String[]::new))
              .allowEmptyShould(true)
              .as(feature + " uses no other feature but " + allowed + " and no edge"
                  + (reaches.containsKey(feature) ? " (its tests also " + reaches.get(feature) + ")" : ""))
              .check(classes);
        });
  }

  /**
   * The importer's input side turns files into canonical entities and nothing more: it knows the model,
   * its parsers and the JDK, never the graph nor the load side, so that a reader cannot write.
   */
  @Test
  void theImportersInputSideKnowsOnlyTheModelAndItsParsers() {
    classes()
        .that()
        .resideInAPackage("io.blastgate.importer.input..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "io.blastgate.importer.input..",
            "io.blastgate.model",
            "java..",
            "com.fasterxml.jackson..",
            // the YAML parser under Jackson's, whose limits (size, nesting) are set where it is built
            "org.yaml.snakeyaml..",
            "org.apache.commons.csv..")
        .check(PROGRAM);
  }

  @Test
  void theCommandLineDoesNotKnowHttp() {
    noClasses()
        .that()
        .resideInAPackage("io.blastgate.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.blastgate.http..")
        .check(PROGRAM);
  }

  @Test
  void onlyTheGraphPackageAndThePluginKnowNeo4j() {
    noClasses()
        .that()
        .resideOutsideOfPackages("io.blastgate.graph..", "io.blastgate.plugin..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.neo4j..")
        .check(PROGRAM);
  }

  @Test
  void theModelAndTheErrorsArePlainJava() {
    classes()
        .that()
        .resideInAnyPackage("io.blastgate.model", "io.blastgate.error")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "io.blastgate.model", "io.blastgate.error")
        .check(PROGRAM);
  }

  @Test
  void thePluginUsesTheProcedureAndKernelApisNotTheDriverNorTheDbms() {
    noClasses()
        .that()
        .resideInAPackage("io.blastgate.plugin..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.neo4j.driver..", "org.neo4j.dbms..", "org.neo4j.configuration..", "org.neo4j.harness..")
        .check(PROGRAM);
  }

  @Test
  void httpAndCommandLineStayAtTheEdge() {
    noClasses()
        .that()
        .resideOutsideOfPackages("io.blastgate.http..", "io.blastgate.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.javalin..", "org.eclipse.jetty..", "picocli..", "me.tongfei..")
        .check(PROGRAM);
  }

  /** A feature's package; a feature that has sub-features (importer.input) is its own package only. */
  private static String pattern(String feature) {
    boolean hasSubFeature = FEATURE_ARROWS.keySet().stream().anyMatch(f -> f.startsWith(feature + "."));
    return ROOT + feature + (hasSubFeature ? "" : "..");
  }

  private static String[] featurePackages() {
    return FEATURE_ARROWS.keySet().stream().map(f -> ROOT + f + "..").toArray(String[]::new);
  }

}
