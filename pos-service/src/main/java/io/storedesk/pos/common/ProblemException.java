package io.storedesk.pos.common;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A business or request problem reported to the client as RFC 9457 problem+json. The
 * {@code type} is a stable slug (e.g. {@code tenders-short}); the handler turns it into a URI.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public ProblemException(HttpStatus status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    /** 422: a business rule was broken. */
    public static ProblemException rule(String type, String title, String detail) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, type, title, detail);
    }

    /** 409: the thing is not in a state that allows this. */
    public static ProblemException conflict(String type, String title, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, type, title, detail);
    }

    /** 404: no such thing. */
    public static ProblemException notFound(String what, String id) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", what + " not found",
                "There is no " + what.toLowerCase() + " '" + id + "'.");
    }

    /** 400: the request itself is wrong. */
    public static ProblemException badRequest(String type, String title, String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, type, title, detail);
    }

    /** 400 {@code validation-failed} for one field: "{field} {message}." with the field in {@code errors}. */
    public static ProblemException invalidField(String field, String message) {
        return badRequest("validation-failed", "Invalid request", field + " " + message + ".")
                .with("errors", java.util.List.of(java.util.Map.of("field", field, "message", message)));
    }

    public ProblemException with(String property, Object value) {
        properties.put(property, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
