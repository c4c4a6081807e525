package io.storedesk.pos.common;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackupIntegrationTests extends IntegrationTest {

    @Test
    void adminTakesAnOnlineBackupThatContainsTheDatabase() throws Exception {
        Api.Response r = api.post("/api/v1/admin/backups", "admin", "");

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        Path file = Path.of(r.text("file"));
        assertThat(Files.size(file)).isPositive();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThat(zip.stream().map(e -> e.getName())).contains("pos.mv.db");
        }
        assertThat(api.post("/api/v1/admin/backups", "manager", "").status()).isEqualTo(403);
    }
}
