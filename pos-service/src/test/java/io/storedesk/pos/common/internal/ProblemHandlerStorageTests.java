package io.storedesk.pos.common.internal;

import org.h2.api.ErrorCode;
import org.h2.message.DbException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A closed H2 database is a storage failure (503, the service stays refusing writes until a
 * restart), whichever Spring exception carries it; a real constraint violation stays a 409.
 */
class ProblemHandlerStorageTests {

    private final StorageState storage = new StorageState();
    private final ProblemHandler handler = new ProblemHandler(storage, new ProblemMessages(ProblemMessagesTests.bundles()));

    @Test
    void aClosedDatabaseUnderAnIntegrityViolationIsA503NotAConflict() {
        ResponseEntity<Object> answer = handler.integrity(new DataIntegrityViolationException("insert",
                DbException.getJdbcSQLException(ErrorCode.DATABASE_IS_CLOSED)));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(((ProblemDetail) answer.getBody()).getType().toString()).endsWith("storage-full");
        assertThat(storage.failure()).contains("database has been closed");
    }

    @Test
    void aDuplicateKeyStaysAConflict() {
        ResponseEntity<Object> answer = handler.integrity(new DataIntegrityViolationException("insert",
                DbException.getJdbcSQLException(ErrorCode.DUPLICATE_KEY_1, "PK")));

        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(storage.failure()).isNull();
    }
}
