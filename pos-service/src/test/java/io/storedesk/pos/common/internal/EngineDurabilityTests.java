package io.storedesk.pos.common.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the service says at start about the database's durability settings (ADR 0004). */
@ExtendWith(OutputCaptureExtension.class)
class EngineDurabilityTests {

    @TempDir
    Path dir;

    private EngineDurability started(String url) throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        EngineDurability durability = new EngineDurability(h2, JdbcClient.create(h2), dir.toString());
        durability.afterPropertiesSet();
        return durability;
    }

    private static final String SHIPPED = ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=-1";

    @Test
    void anH2FileUrlWithoutTheAsyncFileSystemStartsWithAWarning(CapturedOutput output) throws Exception {
        started("jdbc:h2:file:" + dir.resolve("plain") + SHIPPED);
        assertThat(output).contains("does not use H2's async: file system").doesNotContain("DB_CLOSE_DELAY=-1:");
    }

    @Test
    void anH2UrlThatClosesTheDatabaseWithThePoolsLastConnectionStartsWithAWarning(CapturedOutput output)
            throws Exception {
        started("jdbc:h2:async:" + dir.resolve("closing") + ";WRITE_DELAY=0");
        assertThat(output).contains("does not set DB_CLOSE_DELAY=-1");
    }

    @Test
    void theShippedUrlKeepsTheDatabaseOpenWithoutConnectionsUntilTheServiceStops(CapturedOutput output)
            throws Exception {
        String url = "jdbc:h2:async:" + dir.resolve("shipped") + SHIPPED;
        EngineDurability durability = started(url);
        assertThat(output).contains("commits are durable when they return").doesNotContain("does not");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            // a global temporary table lives as long as the database is open
            s.execute("CREATE GLOBAL TEMPORARY TABLE open_probe (id INT)");
            s.execute("INSERT INTO open_probe VALUES (1)");
        }
        assertThat(probeRows(url)).as("after the last connection closed").isEqualTo(1);

        durability.destroy(); // the service stops: SHUTDOWN
        assertThat(probeRows(url)).as("after SHUTDOWN the database was closed and opens afresh").isEqualTo(-1);
    }

    /** Rows of the temporary probe table, or -1 when it is gone (the database was closed since). */
    private static int probeRows(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM open_probe")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException gone) {
            assertThat(gone.getErrorCode()).isEqualTo(org.h2.api.ErrorCode.TABLE_OR_VIEW_NOT_FOUND_DATABASE_EMPTY_1);
            return -1;
        }
    }

    @Test
    void aWriteDelayIsRefused() {
        assertThatThrownBy(() -> started("jdbc:h2:async:" + dir.resolve("delayed") + ";WRITE_DELAY=500"))
                .hasMessageContaining("WRITE_DELAY is 500");
    }
}
