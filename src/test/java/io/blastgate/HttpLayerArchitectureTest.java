package io.blastgate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The arrows of the packages this branch adds: config, auth, entities, http. */
class HttpLayerArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void load() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.blastgate");
  }

  @Test
  void onlyHttpAndCliKnowJavalinOrJetty() {
    noClasses()
        .that()
        .resideOutsideOfPackages("io.blastgate.http..", "io.blastgate.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.javalin..", "org.eclipse.jetty..")
        .check(classes);
  }

  @Test
  void entitiesDependOnModelAndGraphOnly() {
    noClasses()
        .that()
        .resideInAPackage("io.blastgate.entities..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.blastgate.http..", "io.blastgate.cli..", "io.blastgate.config..", "io.blastgate.auth..",
            "org.neo4j.driver.exceptions..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("io.blastgate.entities..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.neo4j.driver.Session")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.neo4j.driver.Driver")
        .check(classes);
  }

  @Test
  void authAndConfigDoNotDependOnFeaturesOrTheEdge() {
    noClasses()
        .that()
        .resideInAnyPackage("io.blastgate.auth..", "io.blastgate.config..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.blastgate.http..", "io.blastgate.cli..", "io.blastgate.entities..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("io.blastgate.auth..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.blastgate.graph..", "io.blastgate.config..", "org.neo4j..")
        .check(classes);
  }
}
