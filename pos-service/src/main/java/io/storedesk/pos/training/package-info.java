/**
 * Training mode (ADR 0005): users and registers put in training by a manager, and the training till
 * that sells, takes back and prints for them in tables of its own ({@code training_*}), numbered
 * {@code TRN-<register>-<seq>}. It implements the sale module's {@link io.storedesk.pos.sale.TrainingTill}
 * port and may depend on nothing that keeps the books: no drawer, journal, loyalty, returns, sync,
 * report, payment or event publishing (verified by {@code ModularityTests} and {@code TrainingBoundaryTests}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Training",
        allowedDependencies = { "common", "sale", "identity" })
package io.storedesk.pos.training;
