package io.storedesk.pos.common.internal;

import java.nio.file.Path;

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

    @Test
    void anH2FileUrlWithoutTheAsyncFileSystemStartsWithAWarning(CapturedOutput output) throws Exception {
        started("jdbc:h2:file:" + dir.resolve("plain") + ";WRITE_DELAY=0");
        assertThat(output).contains("does not use H2's async: file system");
    }

    @Test
    void theShippedAsyncUrlStartsWithoutIt(CapturedOutput output) throws Exception {
        started("jdbc:h2:async:" + dir.resolve("async") + ";WRITE_DELAY=0");
        assertThat(output).contains("commits are durable when they return").doesNotContain("async: file system");
    }

    @Test
    void aWriteDelayIsRefused() {
        assertThatThrownBy(() -> started("jdbc:h2:async:" + dir.resolve("delayed") + ";WRITE_DELAY=500"))
                .hasMessageContaining("WRITE_DELAY is 500");
    }
}
