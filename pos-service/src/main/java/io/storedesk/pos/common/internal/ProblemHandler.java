package io.storedesk.pos.common.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.ProblemTypes;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Turns every error of the API into RFC 9457 problem+json with a stable type, a sentence a
 * person can act on and, for bad fields, one entry per field. Never a stack trace or SQL.
 */
@RestControllerAdvice(basePackages = "io.storedesk.pos")
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final StorageState storage;
    private final ProblemMessages messages;

    ProblemHandler(StorageState storage, ProblemMessages messages) {
        this.storage = storage;
        this.messages = messages;
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> problem(ProblemException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        body.setType(ProblemTypes.uri(e.type()));
        body.setTitle(e.title());
        e.properties().forEach(body::setProperty);
        messages.localize(body, e.type());
        maskGiftCardNumber(body);
        return ResponseEntity.status(e.status()).body(body);
    }

    private static final java.util.regex.Pattern GIFT_CARD_IN_PATH = java.util.regex.Pattern.compile(
            "/gift-cards/([^/]+)");

    /**
     * A gift card's number travels in the path of the gift-card API; a problem's {@code instance}
     * (the request path) shows it masked (docs/head-office.md, "Gift cards").
     */
    static void maskGiftCardNumber(ProblemDetail body) {
        if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes a) {
            String path = a.getRequest().getRequestURI();
            if (path.contains("/gift-cards/")) {
                body.setInstance(java.net.URI.create(GIFT_CARD_IN_PATH.matcher(path).replaceAll(m -> "/gift-cards/"
                        + java.util.regex.Matcher.quoteReplacement(
                                io.storedesk.pos.common.GiftCardNumbers.mask(m.group(1).replaceAll("[^0-9A-Za-z]", ""))))));
            }
        }
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(ProblemException.badRequest("invalid-parameter", "Invalid parameter",
                        "Parameter '%s' has an invalid value.".formatted(e.getName()))
                .with("errors", List.of(Map.of("field", e.getName(), "message", "invalid value"))));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException e) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .map(v -> Map.of("field", String.valueOf(v.getPropertyPath()), "message", v.getMessage()))
                .toList();
        return problem(ProblemException.badRequest("validation-failed", "Invalid request",
                "The request has %d invalid field(s).".formatted(errors.size())).with("errors", errors));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException e) {
        return problem(new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your role does not allow this action."));
    }

    /** Lock waits that ran out (H2 reports them as query timeouts) and other transient failures. */
    @ExceptionHandler({PessimisticLockingFailureException.class, org.springframework.dao.QueryTimeoutException.class,
            org.springframework.dao.TransientDataAccessResourceException.class})
    ResponseEntity<Object> busy(org.springframework.dao.DataAccessException e) {
        ResponseEntity<Object> storageProblem = storageProblem(e);
        if (storageProblem != null) {
            return storageProblem;
        }
        log.warn("Lock timeout: {}", e.getMostSpecificCause().getMessage());
        return problem(new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "busy", "Busy",
                "The store database is busy; nothing was saved. Please try again."));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException e) {
        ResponseEntity<Object> storageProblem = storageProblem(e);
        if (storageProblem != null) {
            return storageProblem; // H2 may report its closed database under a constraint's exception
        }
        log.warn("Integrity violation: {}", e.getMostSpecificCause().getMessage());
        return problem(ProblemException.conflict("conflict", "Conflict",
                "The request conflicts with data saved meanwhile; nothing was saved. Please try again."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        ResponseEntity<Object> storageProblem = storageProblem(e);
        if (storageProblem != null) {
            return storageProblem;
        }
        log.error("Unexpected error", e);
        return problem(new ProblemException(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Internal error", "Something went wrong on the server; nothing was saved. The error was logged."));
    }

    /** The 503 for a database that cannot write (H2's file, or PostgreSQL's full disk), else null. */
    private ResponseEntity<Object> storageProblem(Exception e) {
        if (StorageFailures.isStorageFailure(e)) {
            return storageFull(e);
        }
        return StorageFailures.isServerDiskFull(e) ? serverDiskFull() : null;
    }

    /**
     * The disk is full or H2 closed the database after a write error: a 503 until restarted with
     * room. The request that met it may have failed in its commit, so it is told it may not be saved.
     */
    private ResponseEntity<Object> storageFull(Exception e) {
        storage.storageFailed(e);
        log.warn("Storage failure: {}", String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        return problem(new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "storage-full", "Storage full",
                StorageState.STORAGE_FULL_UNCONFIRMED));
    }

    /** PostgreSQL's disk is full: this transaction failed whole; the server goes on once space is freed. */
    private ResponseEntity<Object> serverDiskFull() {
        log.warn("Storage failure: the database server's disk is full");
        return problem(new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "storage-full", "Storage full",
                "The database server's disk is full, so nothing was saved. Free disk space on the database server,"
                        + " then repeat the request with the same Idempotency-Key."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError fe : e.getBindingResult().getFieldErrors()) {
            errors.add(Map.of("field", fe.getField(), "message", String.valueOf(fe.getDefaultMessage())));
        }
        e.getBindingResult().getGlobalErrors().forEach(ge ->
                errors.add(Map.of("field", ge.getObjectName(), "message", String.valueOf(ge.getDefaultMessage()))));
        return problem(ProblemException.badRequest("validation-failed", "Invalid request",
                "The request has %d invalid field(s): %s.".formatted(errors.size(), describe(errors)))
                .with("errors", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err -> errors.add(Map.of(
                "field", String.valueOf(r.getMethodParameter().getParameterName()),
                "message", String.valueOf(err.getDefaultMessage())))));
        return problem(ProblemException.badRequest("validation-failed", "Invalid request",
                "The request has %d invalid field(s): %s.".formatted(errors.size(), describe(errors)))
                .with("errors", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = fieldPath(e);
        String duplicate = duplicateField(e);
        if (duplicate != null) {
            String path = field == null ? duplicate : field + "." + duplicate;
            return problem(ProblemException.badRequest("malformed-request", "Malformed request",
                            "Field '%s' is given more than once in the same object; give each field once."
                                    .formatted(path))
                    .with("errors", List.of(Map.of("field", path, "message", "given more than once"))));
        }
        ProblemException problem = field == null
                ? ProblemException.badRequest("malformed-request", "Malformed request",
                        "The request body is not valid JSON or is missing.")
                : ProblemException.badRequest("malformed-request", "Malformed request",
                        "Field '%s' has a value of the wrong type or format.".formatted(field))
                        .with("errors", List.of(Map.of("field", field, "message", "wrong type or format")));
        return problem(problem);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail masked) {
            maskGiftCardNumber(masked);
        }
        if (response != null && response.getBody() instanceof ProblemDetail detail
                && (detail.getType() == null || "about:blank".equals(detail.getType().toString()))) {
            detail.setType(ProblemTypes.uri(switch (statusCode.value()) {
                case 404 -> "not-found";
                case 405 -> "method-not-allowed";
                case 406 -> "not-acceptable";
                case 415 -> "unsupported-media-type";
                default -> "bad-request";
            }));
        }
        return response;
    }

    private static final java.util.regex.Pattern DUPLICATE =
            java.util.regex.Pattern.compile("^Duplicate Object property \"([^\"]{1,100})\"");

    /** The name of a field given twice (strict duplicate detection), else null. */
    private static String duplicateField(HttpMessageNotReadableException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof tools.jackson.core.exc.StreamReadException read) {
                java.util.regex.Matcher m = DUPLICATE.matcher(String.valueOf(read.getOriginalMessage()));
                return m.find() ? m.group(1) : null;
            }
        }
        return null;
    }

    private static String fieldPath(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof JacksonException)) {
            cause = cause.getCause();
        }
        if (cause instanceof JacksonException je && !je.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JacksonException.Reference ref : je.getPath()) {
                if (ref.getPropertyName() != null) {
                    if (!path.isEmpty()) {
                        path.append('.');
                    }
                    path.append(ref.getPropertyName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            return path.isEmpty() ? null : path.toString();
        }
        return null;
    }

    private static String describe(List<Map<String, String>> errors) {
        return String.join("; ", errors.stream().map(m -> m.get("field") + " " + m.get("message")).toList());
    }
}
