package io.storedesk.pos.common;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The outcome of an idempotent call: the first result, and whether this call only replayed it. */
public record IdempotentResult<T>(T body, boolean replayed) {

    /** The response header that tells a client its request was a repeat answered from the first result. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    /** 201 with the result and {@value #REPLAYED_HEADER}. */
    public ResponseEntity<T> created() {
        return respond(HttpStatus.CREATED);
    }

    /** 200 with the result and {@value #REPLAYED_HEADER}. */
    public ResponseEntity<T> ok() {
        return respond(HttpStatus.OK);
    }

    private ResponseEntity<T> respond(HttpStatus status) {
        return ResponseEntity.status(status).header(REPLAYED_HEADER, Boolean.toString(replayed)).body(body);
    }
}
