package io.storedesk.pos.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This installation's secret for keyed fingerprints: 32 random bytes (SecureRandom), created at
 * the first start in {@code <pos.data-dir>/secrets/fingerprint.key} (Base64, owner read/write
 * only where the file system has POSIX permissions) and read again at every start. It lives
 * outside the database on purpose: a copy of the database alone does not let anyone test guesses
 * against stored fingerprints. Back it up with the data directory; losing it only means that
 * requests stored before cannot be matched as repeats any more.
 */
@Component
class FingerprintSecret {

    static final String FILE = "secrets/fingerprint.key";
    private static final Logger log = LoggerFactory.getLogger(FingerprintSecret.class);
    private static final int BYTES = 32;

    private final byte[] secret;

    FingerprintSecret(@Value("${pos.data-path}") String dataPath) {
        this.secret = loadOrCreate(Path.of(dataPath).resolve(FILE));
    }

    byte[] bytes() {
        return secret.clone();
    }

    static byte[] loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            byte[] secret = Base64.getDecoder().decode(Files.readString(file).strip());
            if (secret.length < BYTES) {
                throw new IllegalStateException("%s holds %d bytes; a fingerprint secret needs %d. Restore it from the backup."
                        .formatted(file, secret.length, BYTES));
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the fingerprint secret " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path dir = file.getParent();
        Files.createDirectories(dir);
        if (posix) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
        byte[] secret = new byte[BYTES];
        new SecureRandom().nextBytes(secret);
        Path temp = posix
                ? Files.createTempFile(dir, "fingerprint", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, "fingerprint", ".tmp");
        Files.writeString(temp, Base64.getEncoder().encodeToString(secret) + "\n", StandardOpenOption.SYNC);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        log.info("Created the fingerprint secret {}", file);
    }
}
