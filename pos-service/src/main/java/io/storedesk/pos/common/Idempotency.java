package io.storedesk.pos.common;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a creating action at most once per {@code Idempotency-Key}: the action and the record
 * of its result commit in one transaction, and a repeat with the same key and request replays
 * the stored result. The same key with another request is refused (422). Two identical
 * requests racing each other produce one result: the loser's transaction fails on the key's
 * primary key and it replays the winner's result.
 * <p>
 * A request is recognised by its keyed fingerprint ({@link RequestFingerprints}): no card data
 * goes into it, so a repeat that differs only in the card replays too. Records stored before
 * fingerprints were keyed had their plain hashes withdrawn (migration V62_22); such a record
 * cannot tell a repeat from another request, and replays its result for any request with its key.
 */
@Service
public class Idempotency {

    private static final String ERASED = "h0:erased";

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,100}");

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;
    private final RequestFingerprints fingerprints;

    Idempotency(JdbcClient jdbc, TransactionTemplate tx, JsonMapper json, Clock clock,
            RequestFingerprints fingerprints) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
        this.fingerprints = fingerprints;
    }

    /**
     * @param scope    the operation, e.g. {@code sale}
     * @param key      the client's key; null runs the action without idempotency
     * @param request  the validated request and its caller, fingerprinted to detect key reuse
     * @param action   runs inside the transaction
     */
    public <T> IdempotentResult<T> execute(String scope, String key, Object request, Class<T> type, Supplier<T> action) {
        return run(scope, key, request, type, action, true);
    }

    /**
     * As {@link #execute}, for a caller that has just called {@link #find} for this key while
     * holding a lock that every request with this key takes: the lookup is not repeated. A
     * request with the key that committed elsewhere meanwhile still wins through the key's
     * primary key, and its result is replayed.
     */
    public <T> IdempotentResult<T> executeAfterFind(String scope, String key, Object request, Class<T> type,
            Supplier<T> action) {
        return run(scope, key, request, type, action, false);
    }

    private <T> IdempotentResult<T> run(String scope, String key, Object request, Class<T> type, Supplier<T> action,
            boolean lookFirst) {
        if (key == null) {
            return new IdempotentResult<>(tx.execute(s -> action.get()), false);
        }
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.badRequest("invalid-idempotency-key", "Invalid Idempotency-Key",
                    "The Idempotency-Key header must be 1 to 100 visible ASCII characters.");
        }
        String fingerprint = fingerprints.of(request);
        try {
            return tx.execute(s -> {
                if (lookFirst) {
                    Optional<IdempotentResult<T>> earlier = replay(scope, key, fingerprint, type);
                    if (earlier.isPresent()) {
                        return earlier.get();
                    }
                }
                T result = action.get();
                jdbc.sql("INSERT INTO idempotency_record (scope, idem_key, request_hash, response_body, created_at) "
                                + "VALUES (?, ?, ?, ?, ?)")
                        .params(scope, key, fingerprint, json.writeValueAsString(result), OffsetDateTime.now(clock))
                        .update();
                return new IdempotentResult<>(result, false);
            });
        } catch (DataIntegrityViolationException raced) {
            // Another request with this key committed first: everything of ours rolled back.
            return replay(scope, key, fingerprint, type).orElseThrow(() -> raced);
        }
    }

    /**
     * The fingerprint of a request under a key, for a store of its own that must tell a repeat from another
     * request the way this class does (the training till, ADR 0005): null without a key, 400
     * {@code invalid-idempotency-key} for a malformed one. Card data never enters it ({@link RequestFingerprints}).
     * A stored fingerprint that differs from a repeat's is refused with {@link #keyReused()}.
     */
    public String fingerprint(String key, Object request) {
        if (key == null) {
            return null;
        }
        checkKey(key);
        return fingerprints.of(request);
    }

    /** 422 {@code idempotency-key-reused}: the key was already used for a different request. */
    public static ProblemException keyReused() {
        return ProblemException.rule("idempotency-key-reused", "Idempotency-Key reused",
                "This Idempotency-Key was already used for a different request.");
    }

    private static void checkKey(String key) {
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.badRequest("invalid-idempotency-key", "Invalid Idempotency-Key",
                    "The Idempotency-Key header must be 1 to 100 visible ASCII characters.");
        }
    }

    /**
     * The stored result for this key, if a request with it already completed; for callers that
     * must check before doing something irreversible outside the transaction (charging a card).
     */
    public <T> Optional<IdempotentResult<T>> find(String scope, String key, Object request, Class<T> type) {
        if (key == null) {
            return Optional.empty();
        }
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.badRequest("invalid-idempotency-key", "Invalid Idempotency-Key",
                    "The Idempotency-Key header must be 1 to 100 visible ASCII characters.");
        }
        return replay(scope, key, fingerprints.of(request), type);
    }

    /**
     * Erasure on request (GDPR art. 17): the stored answers in {@code scopes} that mention {@code reference}
     * (a customer's id) are emptied in the caller's transaction. A repeat of such a request is neither run
     * again nor answered with the erased data: it is refused with 409 {@code customer-erased}.
     *
     * @return how many stored answers were erased
     */
    public int eraseAnswers(Collection<String> scopes, String reference) {
        if (scopes.isEmpty()) {
            return 0;
        }
        List<Object> params = new ArrayList<>();
        params.add(ERASED);
        params.addAll(scopes);
        params.add("%" + reference + "%");
        return jdbc.sql("UPDATE idempotency_record SET request_hash = ?, response_body = '{}' WHERE scope IN ("
                        + String.join(", ", Collections.nCopies(scopes.size(), "?")) + ") AND response_body LIKE ?")
                .params(params)
                .update();
    }

    private <T> Optional<IdempotentResult<T>> replay(String scope, String key, String fingerprint, Class<T> type) {
        return jdbc.sql("SELECT request_hash, response_body FROM idempotency_record WHERE scope = ? AND idem_key = ?")
                .params(scope, key)
                .query((rs, n) -> {
                    String stored = rs.getString(1).strip();
                    if (stored.equals(ERASED)) {
                        throw ProblemException.conflict("customer-erased", "Customer erased",
                                "The answer to this request held data of a customer erased on request; it is not "
                                        + "given again and the request is not repeated.");
                    }
                    boolean keyed = stored.startsWith(RequestFingerprints.FORMAT);
                    if (keyed && !stored.equals(fingerprint)) {
                        throw keyReused();
                    }
                    return new IdempotentResult<>(json.readValue(rs.getString(2), type), true);
                })
                .optional();
    }
}
