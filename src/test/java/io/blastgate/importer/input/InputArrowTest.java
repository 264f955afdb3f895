package io.blastgate.importer.input;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The arrow between the importer's two sides points one way: {@code importer} uses {@code
 * importer.input}, which knows nothing of the importer, the graph or anything but the model, its
 * parsers and the JDK.
 */
class InputArrowTest {
  @Test
  void inputDependsOnlyOnTheModelItsParsersAndTheJdk() {
    JavaClasses input = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.blastgate.importer.input");
    classes()
        .that().resideInAPackage("io.blastgate.importer.input")
        .should().onlyDependOnClassesThat().resideInAnyPackage(
            "io.blastgate.importer.input", "io.blastgate.model", "java..", "com.fasterxml.jackson..",
            "org.apache.commons.csv..")
        .check(input);
  }
}
