package io.storedesk.pos.common.internal;

import java.io.IOException;
import java.sql.SQLException;

import org.h2.api.ErrorCode;
import org.h2.message.DbException;
import org.h2.mvstore.MVStoreException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which database errors mean "the disk is full / H2 cannot write", in the shapes H2 2.x throws them. */
class StorageFailuresTests {

    @Test
    void aWriteErrorUnderH2OrTheClosedDatabaseIsAStorageFailure() {
        MVStoreException writing = new MVStoreException(2, "Writing to sun.nio.ch.FileChannelImpl failed");
        writing.initCause(new IOException("No space left on device"));
        SQLException general = DbException.getJdbcSQLException(ErrorCode.GENERAL_ERROR_1, writing, writing.getMessage());
        assertThat(StorageFailures.isStorageFailure(new DataAccessResourceFailureException("x", general))).isTrue();
        assertThat(StorageFailures.isStorageFailure(DbException.getJdbcSQLException(ErrorCode.DATABASE_IS_CLOSED))).isTrue();
        assertThat(StorageFailures.isStorageFailure(DbException.getJdbcSQLException(ErrorCode.IO_EXCEPTION_1,
                "pos.mv.db"))).isTrue();
    }

    @Test
    void postgresqlsDiskFullIsAServerDiskFullNotAStorageFailureOfThisStore() {
        SQLException diskFull = new SQLException("could not extend file \"base/16384/2619\": No space left on device",
                "53100");
        assertThat(StorageFailures.isServerDiskFull(new DataAccessResourceFailureException("x", diskFull))).isTrue();
        assertThat(StorageFailures.isStorageFailure(diskFull)).isFalse();
        assertThat(StorageFailures.isServerDiskFull(new SQLException("deadlock detected", "40P01"))).isFalse();
    }

    @Test
    void otherErrorsAreNot() {
        assertThat(StorageFailures.isStorageFailure(new IOException("Broken pipe"))).isFalse();
        assertThat(StorageFailures.isStorageFailure(new PessimisticLockingFailureException("lock",
                DbException.getJdbcSQLException(ErrorCode.LOCK_TIMEOUT_1, "SALE")))).isFalse();
        assertThat(StorageFailures.isStorageFailure(DbException.getJdbcSQLException(ErrorCode.DUPLICATE_KEY_1, "PK")))
                .isFalse();
        // another driver's lost connection (PostgreSQL: an SQLException over an IOException) is no full disk
        assertThat(StorageFailures.isStorageFailure(new SQLException("An I/O error occurred while sending to the backend",
                "08006", 0, new IOException("Connection reset")))).isFalse();
        assertThat(StorageFailures.isStorageFailure(new RuntimeException("no cause"))).isFalse();
    }
}
