package io.storedesk.pos.common.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.storedesk.pos.common.Durability;
import io.storedesk.pos.common.ProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Online backup of the embedded database: a consistent copy of the H2 file, zipped, under
 * {@code <data-dir>/backups/}, taken while the store keeps selling. ADMIN only.
 */
@RestController
class BackupController {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final JdbcClient jdbc;
    private final Path backups;
    private final Clock clock;
    private final Durability durability;

    BackupController(JdbcClient jdbc, @Value("${pos.data-path}") String dataPath, Clock clock, Durability durability) {
        this.durability = durability;
        this.jdbc = jdbc;
        this.backups = Path.of(dataPath, "backups");
        this.clock = clock;
    }

    @PostMapping("/api/v1/admin/backups")
    @ResponseStatus(HttpStatus.CREATED)
    Backup backup() throws Exception {
        String product = jdbc.sql("SELECT 1").query((rs, n) -> rs.getStatement().getConnection().getMetaData()
                .getDatabaseProductName()).single();
        if (!product.toLowerCase().contains("h2")) {
            throw ProblemException.conflict("backup-not-supported", "Backup not supported here",
                    "This store runs on " + product + "; back it up with that database's own tools.");
        }
        Files.createDirectories(backups);
        Path file = backups.resolve("pos-" + STAMP.format(clock.instant().atZone(ZoneOffset.UTC)) + ".zip");
        durability.syncOnCommit();
        jdbc.sql("BACKUP TO '" + file.toString().replace("'", "''") + "'").update();
        try (java.nio.channels.FileChannel written = java.nio.channels.FileChannel.open(file)) {
            written.force(true);   // the copy is on the disk before the answer says so
        }
        return new Backup(file.toString(), Files.size(file));
    }

    record Backup(String file, long bytes) {
    }
}
