package io.blastgate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The arrows of STYLE.md: model <- graph <- features (importer, blastradius, entities) <- http, cli;
 * config and auth beside them, used by the edge; only graph knows Neo4j's internals and sessions. The
 * plugin runs inside Neo4j: it knows the model and Neo4j's procedure API, and only graph (which
 * registers it in the embedded Neo4j) knows it.
 */
class ArchitectureTest {
  private static final JavaClasses PROGRAM =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.blastgate");

  @Test
  void dependenciesPointOneWay() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .optionalLayer("Model").definedBy("io.blastgate.model..")
        .optionalLayer("Plugin").definedBy("io.blastgate.plugin..")
        .optionalLayer("Graph").definedBy("io.blastgate.graph..")
        .optionalLayer("Config").definedBy("io.blastgate.config..")
        .optionalLayer("Auth").definedBy("io.blastgate.auth..")
        .optionalLayer("Features")
        .definedBy("io.blastgate.importer..", "io.blastgate.blastradius..", "io.blastgate.entities..")
        .optionalLayer("Bench").definedBy("io.blastgate.bench..")
        .optionalLayer("Http").definedBy("io.blastgate.http..")
        .optionalLayer("Cli").definedBy("io.blastgate.cli..")
        .whereLayer("Cli").mayNotBeAccessedByAnyLayer()
        .whereLayer("Plugin").mayOnlyBeAccessedByLayers("Graph")
        .whereLayer("Plugin").mayOnlyAccessLayers("Model")
        .whereLayer("Http").mayOnlyBeAccessedByLayers("Cli")
        .whereLayer("Bench").mayOnlyBeAccessedByLayers("Cli")
        .whereLayer("Features").mayOnlyBeAccessedByLayers("Http", "Cli", "Bench")
        .whereLayer("Config").mayOnlyBeAccessedByLayers("Http", "Cli", "Bench")
        .whereLayer("Auth").mayOnlyBeAccessedByLayers("Http", "Cli")
        .whereLayer("Graph").mayOnlyBeAccessedByLayers("Features", "Config", "Http", "Cli", "Bench")
        .check(PROGRAM);
  }

  @Test
  void onlyTheGraphPackageOpensSessionsOrStartsNeo4j() {
    noClasses()
        .that()
        .resideOutsideOfPackages("io.blastgate.graph..", "io.blastgate.plugin..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.neo4j.dbms..", "org.neo4j.configuration..", "org.neo4j.kernel..", "org.neo4j.graphdb..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.neo4j.driver.Session")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.neo4j.driver.Driver")
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
}
