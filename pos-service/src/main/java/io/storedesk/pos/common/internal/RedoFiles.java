package io.storedesk.pos.common.internal;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The redo log on disk: files {@code redo-<n>.log} in one directory, each a sequence of records
 * {@code [payload length][CRC32C of payload][payload]}, payload = {@code [LSN][kind][statement count][statements]}.
 * A record is written with one {@code write()}; a process crash keeps what the operating system
 * received. A record cut short or failing its checksum ends the log: it was never acknowledged.
 */
final class RedoFiles {

    static final byte DATA = 1;
    /** A commit the log cannot replay: recovery stops before it if the database lacks it. */
    static final byte MARKER = 2;
    private static final int HEADER = 4 + 4 + 8 + 1 + 4;

    private final Path dir;
    private FileChannel current;
    private long currentNumber;
    private long recordsInCurrent;

    RedoFiles(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /** One record read back from the log. */
    record Entry(long lsn, byte kind, int statements, byte[] body) {
    }

    /** Opens a new file after the existing ones; the caller has replayed and removed those. */
    void open() throws IOException {
        Files.createDirectories(dir);
        List<Path> existing = files();
        startFile(existing.isEmpty() ? 1 : number(existing.get(existing.size() - 1)) + 1);
    }

    private void startFile(long number) throws IOException {
        currentNumber = number;
        current = FileChannel.open(file(number), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        recordsInCurrent = 0;
    }

    void append(long lsn, byte kind, int statements, byte[] body) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(HEADER + body.length);
        buffer.putInt(HEADER - 8 + body.length).putInt(0).putLong(lsn).put(kind).putInt(statements).put(body);
        CRC32C crc = new CRC32C();
        crc.update(buffer.array(), 8, buffer.capacity() - 8);
        buffer.putInt(4, (int) crc.getValue());
        buffer.flip();
        while (buffer.hasRemaining()) {
            current.write(buffer);
        }
        recordsInCurrent++;
    }

    boolean currentHasRecords() {
        return recordsInCurrent > 0;
    }

    /**
     * Starts a new file and returns the ones before it: once the database has stored everything
     * committed up to now, they can be deleted.
     */
    List<Path> rotate() throws IOException {
        List<Path> before = files();
        current.close();
        startFile(currentNumber + 1);
        return before;
    }

    void close() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    void delete(List<Path> files) throws IOException {
        for (Path f : files) {
            Files.deleteIfExists(f);
        }
    }

    List<Path> files() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("redo-\\d+\\.log"))
                    .sorted((a, b) -> Long.compare(number(a), number(b))).toList();
        }
    }

    /** Every complete record of every file, in order; reading stops at the first torn or damaged one. */
    List<Entry> readAll() throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (Path f : files()) {
            byte[] all = Files.readAllBytes(f);
            ByteBuffer b = ByteBuffer.wrap(all);
            while (b.remaining() >= HEADER) {
                int length = b.getInt();
                int crc = b.getInt();
                if (length < HEADER - 8 || length > b.remaining()) {
                    return entries;
                }
                CRC32C check = new CRC32C();
                check.update(all, b.position(), length);
                if ((int) check.getValue() != crc) {
                    return entries;
                }
                long lsn = b.getLong();
                byte kind = b.get();
                int statements = b.getInt();
                byte[] body = new byte[length - (HEADER - 8)];
                b.get(body);
                entries.add(new Entry(lsn, kind, statements, body));
            }
            if (b.hasRemaining()) {
                return entries;
            }
        }
        return entries;
    }

    static DataInputStream reader(Entry e) {
        return new DataInputStream(new ByteArrayInputStream(e.body()));
    }

    private Path file(long number) {
        return dir.resolve("redo-" + number + ".log");
    }

    private static long number(Path p) {
        String name = p.getFileName().toString();
        return Long.parseLong(name.substring(5, name.length() - 4));
    }
}
