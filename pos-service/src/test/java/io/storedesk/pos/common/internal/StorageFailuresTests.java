package io.storedesk.pos.common.internal;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which database errors mean "the disk is full / the database cannot write" (H2's own codes and shapes). */
class StorageFailuresTests {

    @Test
    void aWriteErrorUnderTheDriverOrTheClosedDatabaseIsAStorageFailure() {
        SQLException writeFailed = new SQLException("General error: Writing to ... failed", "HY000", 50000,
                new RuntimeException("MVStoreException", new IOException("No space left on device")));
        assertThat(StorageFailures.isStorageFailure(new DataAccessResourceFailureException("x", writeFailed))).isTrue();
        assertThat(StorageFailures.isStorageFailure(new SQLNonTransientConnectionException(
                "The database has been closed", "90098", 90098))).isTrue();
        assertThat(StorageFailures.isStorageFailure(new SQLException("IO Exception", "90028", 90028))).isTrue();
    }

    @Test
    void otherErrorsAreNot() {
        assertThat(StorageFailures.isStorageFailure(new IOException("Broken pipe"))).isFalse();
        assertThat(StorageFailures.isStorageFailure(new PessimisticLockingFailureException("lock",
                new SQLException("Timeout trying to lock table", "HYT00", 50200)))).isFalse();
        assertThat(StorageFailures.isStorageFailure(new SQLException("Unique index violation", "23505", 23505))).isFalse();
        assertThat(StorageFailures.isStorageFailure(new RuntimeException("no cause"))).isFalse();
    }
}
