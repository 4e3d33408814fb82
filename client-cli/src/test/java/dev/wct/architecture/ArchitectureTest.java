package dev.wct.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module graph points one way: {@code spi} ← components; {@code spi} ← {@code core} ← {@code
 * store}, {@code workflows} ← {@code activities} ← {@code engine} ← {@code cli}. A new upward or
 * sideways edge fails here, naming the classes.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.wct");
  }

  @Test
  void modulesDependOneWay() {
    ArchRule layers =
        layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("spi")
            .definedBy("dev.wct.spi..")
            .layer("core")
            .definedBy("dev.wct.core..")
            .layer("components")
            .definedBy("dev.wct.connectors..", "dev.wct.analysers..", "dev.wct.classifiers..")
            .layer("store")
            .definedBy("dev.wct.store..")
            .layer("workflows")
            .definedBy("dev.wct.workflows..")
            .layer("activities")
            .definedBy("dev.wct.activities..")
            .layer("engine")
            .definedBy("dev.wct.engine..")
            .layer("cli")
            .definedBy("dev.wct.cli..")
            .whereLayer("cli")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("engine")
            .mayOnlyBeAccessedByLayers("cli")
            .whereLayer("activities")
            .mayOnlyBeAccessedByLayers("engine", "cli")
            .whereLayer("workflows")
            .mayOnlyBeAccessedByLayers("activities", "engine", "cli")
            .whereLayer("store")
            .mayOnlyBeAccessedByLayers("activities", "engine", "cli")
            .whereLayer("components")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("core")
            .mayOnlyBeAccessedByLayers("store", "workflows", "activities", "engine", "cli");
    layers.check(classes);
  }

  @Test
  void componentsCompileAgainstTheSpiAlone() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.wct.connectors..", "dev.wct.analysers..", "dev.wct.classifiers..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.wct.core..", "dev.wct.store..", "dev.wct.workflows..", "io.temporal..")
        .check(classes);
  }

  @Test
  void workflowCodeDoesNoIoAndReadsNoClockOrRandomness() {
    noClasses()
        .that()
        .resideInAPackage("dev.wct.workflows..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.io..", "java.nio.file..", "java.net..", "dev.wct.store..")
        .orShould()
        .dependOnClassesThat()
        .areAssignableTo(Random.class)
        .orShould()
        .dependOnClassesThat()
        .areAssignableTo(Clock.class)
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(System.class, "nanoTime")
        .orShould()
        .callMethod(Instant.class, "now")
        .orShould()
        .callMethod(LocalDateTime.class, "now")
        .orShould()
        .callMethod(UUID.class, "randomUUID")
        .because("workflow code is replayed and must be deterministic")
        .check(classes);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("dev.wct.(**)").should().beFreeOfCycles().check(classes);
  }
}
