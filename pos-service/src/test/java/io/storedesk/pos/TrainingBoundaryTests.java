package io.storedesk.pos;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * ADR 0005: the training module cannot reach anything that keeps the books, so a training sale or
 * return cannot land in them by construction. {@code ModularityTests} verifies the module's allowed
 * dependencies (common, sale, identity); this rule names the forbidden writers, including the sale
 * module's own ones, by name.
 */
class TrainingBoundaryTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.storedesk.pos");

    @Test
    void trainingReachesNoWriterOfTheBooks() {
        ArchRule rule = noClasses().that().resideInAPackage("io.storedesk.pos.training..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.storedesk.pos.drawer..", "io.storedesk.pos.journal..", "io.storedesk.pos.loyalty..",
                        "io.storedesk.pos.returns..", "io.storedesk.pos.sync..", "io.storedesk.pos.report..",
                        "io.storedesk.pos.payment..", "io.storedesk.pos.promotion..", "io.storedesk.pos.customer..",
                        "io.storedesk.pos.cases..", "io.storedesk.pos.specialorder..",
                        "io.storedesk.pos.sale.internal..", "io.storedesk.pos.headoffice..", "io.storedesk.pos.mail..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.storedesk.pos.sale.Sales")
                .orShould().dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.context.ApplicationEventPublisher")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.storedesk.pos.common.Idempotency")
                .because("training documents must never reach the books (ADR 0005)");
        rule.check(classes);
    }

    @Test
    void theTrainingModuleExistsAndIsChecked() {
        // guards the rule above against a renamed package (an empty package would pass it)
        org.assertj.core.api.Assertions.assertThat(classes.stream()
                .filter(c -> c.getPackageName().startsWith("io.storedesk.pos.training"))).isNotEmpty();
    }
}
