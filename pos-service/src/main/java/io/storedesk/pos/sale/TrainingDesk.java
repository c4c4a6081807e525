package io.storedesk.pos.sale;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The customer desk's documents in training (ADR 0005, issue 24), implemented by the training module: service cases
 * opened by a user or at a register in training are kept in the training namespace ({@code training_case}), never
 * in the real case tables. The cases module runs the real rules and hands this port the case as answered (JSON);
 * the port numbers, stores, locks and deletes. Training case numbers are
 * {@code TRN-<register or user>-C<seq>}, training complaint numbers {@code TRN-<store>-CMP-<seq>}; both are kept
 * as a {@link TrainingCase} of their kind.
 */
public interface TrainingDesk {

    /** A service case. */
    String CASE = "CASE";

    /** A complaint about goods (on a training case). */
    String COMPLAINT = "COMPLAINT";

    /**
     * Numbers a new training document {@code prefix<seq>} from the counter of the prefix (e.g.
     * {@code TRN-R01-C}), under that counter's row lock, and keeps what {@code document} makes of the number.
     */
    TrainingCase open(String prefix, String kind, String customerId, String openedBy, String status,
            Function<String, String> document);

    /** A training case by its {@code TRN-} number. */
    Optional<TrainingCase> find(String caseNumber);

    /**
     * Changes a training case under its row lock: {@code step} gets the stored case and answers the changed one
     * (status and document), or throws to refuse; 404 for an unknown number.
     */
    TrainingCase change(String caseNumber, UnaryOperator<TrainingCase> step);

    /** Training documents of a kind opened by the user (all when null), in a status when given, newest first. */
    List<TrainingCase> cases(String kind, String openedBy, String status, int limit);

    /** Deletes the training cases and complaints of an erased customer (in the erasure's transaction). */
    void forgetCustomer(String customerId);

    /** A training case or complaint as kept: its number, kind, customer, status and the view as JSON. */
    record TrainingCase(String caseNumber, String kind, String customerId, String status, String openedBy,
            String document) {

        public TrainingCase with(String newStatus, String newDocument) {
            return new TrainingCase(caseNumber, kind, customerId, newStatus, openedBy, newDocument);
        }
    }
}
