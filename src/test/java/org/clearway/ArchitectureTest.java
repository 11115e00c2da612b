package org.clearway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Feature packages stay free of cycles, and a feature's UI and queries are its own business. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.clearway");
    }

    @Test
    void feature_packages_are_free_of_cycles() {
        slices().matching("org.clearway.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void views_of_one_feature_are_not_used_by_another() {
        noClasses().that().resideOutsideOfPackages("org.clearway.subcluster..").should().dependOnClassesThat()
                .resideInAPackage("org.clearway.subcluster.ui..").check(classes);
        noClasses().that().resideOutsideOfPackages("org.clearway.home..").should().dependOnClassesThat()
                .resideInAPackage("org.clearway.home.ui..").check(classes);
    }

    @Test
    void the_shell_depends_on_no_feature() {
        noClasses().that().resideInAPackage("org.clearway.shell..").should().dependOnClassesThat()
                .resideInAnyPackage("org.clearway.subcluster..", "org.clearway.home..", "org.clearway.data..")
                .check(classes);
    }

    @Test
    void generated_jooq_code_is_used_only_by_services_queries_and_loaders_not_by_views() {
        noClasses().that().resideInAPackage("..ui..").should().dependOnClassesThat()
                .resideInAPackage("org.clearway.jooq..").check(classes);
    }
}
