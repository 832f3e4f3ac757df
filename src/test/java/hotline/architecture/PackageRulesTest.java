package hotline.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layout as rules, so that it cannot drift: features in packages that never depend on each other in a circle;
 * the call path (voice, catalog) free of the pages and accounts of the admin side; the simulator used by tests and
 * scripts only. A newcomer reads the dependency direction here.
 */
class PackageRulesTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("hotline");

    @Test
    void noCyclesBetweenPackages() {
        slices().matching("hotline.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theCallPathKnowsNothingOfTheAdminSide() {
        noClasses().that().resideInAnyPackage("hotline.voice..", "hotline.catalog..")
                .should().dependOnClassesThat().resideInAnyPackage("hotline.admin..", "hotline.accounts..",
                        "hotline.dashboard..", "hotline.recordings..", "hotline.content..", "hotline.audit..", "hotline.cli..")
                .check(MAIN);
    }

    @Test
    void theCatalogIsPlainJavaWithoutHttp() {
        noClasses().that().resideInAPackage("hotline.catalog..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "jakarta.servlet..", "hotline.db..")
                .check(MAIN);
    }

    @Test
    void theCallFlowItselfDoesNotTouchHttp() {
        noClasses().that().resideInAPackage("hotline.voice..")
                .and().haveSimpleNameNotEndingWith("Controller").and().haveSimpleNameNotEndingWith("Check")
                .and().haveSimpleNameNotEndingWith("Routes")
                .should().dependOnClassesThat().resideInAPackage("io.javalin..")
                .check(MAIN);
    }

    @Test
    void nothingButTestsAndScriptsDependsOnTheSimulator() {
        noClasses().that().resideOutsideOfPackage("hotline.simulator..")
                .should().dependOnClassesThat().resideInAPackage("hotline.simulator..")
                .check(MAIN);
    }
}
