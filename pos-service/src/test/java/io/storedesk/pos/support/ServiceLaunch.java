package io.storedesk.pos.support;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * How the tests start the service as a process, cheaply: the suite starts it some sixty times (crash,
 * disk-full, head-office and chain tests), and on a two-core machine each default start cost about 45 s of
 * processor time, most of it the C2 compiler and class loading. Two things the JDK already has cut that to about
 * a quarter:
 * <ul>
 * <li>{@code -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}: the quick compiler only and one GC thread. A test process
 * lives seconds; a benchmark must not use this ({@link ServiceProcess#fullSpeed()}).</li>
 * <li>Application class data sharing: once per test JVM the class path's directories are packed into jars (CDS
 * archives classes from jars only) under {@code target/service-cds/<digest of the class path and the
 * directories' files>}, one start with {@code -XX:ArchiveClassesAtExit} records the loaded classes, and every later
 * start maps them with {@code -XX:SharedArchiveFile}. The digest covers every file's name, size and time, so
 * changed classes never run from a stale jar. If recording fails the starts simply go without the archive.</li>
 * </ul>
 * Nothing here changes what the service does: the same classes, configuration and arguments.
 */
final class ServiceLaunch {

    private static final Path ROOT = Path.of("target", "service-cds");
    private static Prepared prepared;

    record Prepared(String classPath, Path archive) {

        List<String> jvmOptions() {
            List<String> options = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
            if (archive != null) {
                options.add("-XX:SharedArchiveFile=" + archive.toAbsolutePath());
            }
            return options;
        }
    }

    private ServiceLaunch() {
    }

    /** The class path and options of a quick start, prepared on first use (a few seconds, once per JVM). */
    static synchronized Prepared quick() {
        if (prepared == null) {
            prepared = prepare();
        }
        return prepared;
    }

    private static Prepared prepare() {
        String classPath = System.getProperty("java.class.path");
        try {
            List<String> entries = List.of(classPath.split(File.pathSeparator));
            Path dir = ROOT.resolve(digest(entries));
            Path archive = dir.resolve("service.jsa");
            List<String> packed = new ArrayList<>();
            int n = 0;
            for (String entry : entries) {
                Path path = Path.of(entry);
                if (entry.isEmpty() || !Files.isDirectory(path)) {
                    packed.add(entry);
                    continue;
                }
                Path jar = dir.resolve((n++) + "-" + path.getFileName() + ".jar");
                if (!Files.exists(jar)) {
                    Files.createDirectories(dir);
                    pack(path, jar);
                }
                packed.add(jar.toAbsolutePath().toString());
            }
            String jarPath = String.join(File.pathSeparator, packed);
            if (!Files.exists(archive)) {
                removeOthers(dir);
                record(jarPath, archive);
            }
            return new Prepared(jarPath, Files.exists(archive) ? archive : null);
        } catch (IOException | RuntimeException e) {
            System.err.println("service starts without class data sharing: " + e);
            return new Prepared(classPath, null);
        }
    }

    /**
     * One quick start without an archive and with {@code -XX:ArchiveClassesAtExit}, as a {@link ServiceProcess}:
     * it records the classes a started service has loaded and writes them when SIGTERM stops it.
     */
    private static void record(String jarPath, Path archive) throws IOException {
        Path work = archive.resolveSibling("recording");
        Path written = archive.resolveSibling("service.jsa.part");
        Files.createDirectories(work);
        ServiceProcess recording = new ServiceProcess(work.resolve("data"))
                .launch(new Prepared(jarPath, null), "-XX:ArchiveClassesAtExit=" + written.toAbsolutePath());
        try {
            recording.start();
            // dumping the archive at exit takes a while on a busy machine
            if (!recording.stop(Duration.ofSeconds(300))) {
                throw new IllegalStateException("recording start did not stop");
            }
            if (Files.exists(written)) {
                Files.move(written, archive, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            try {
                recording.stop(Duration.ZERO);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            deleteTree(work);
        }
    }

    private static String digest(List<String> entries) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        sha.update(System.getProperty("java.home").getBytes(StandardCharsets.UTF_8));
        for (String entry : entries) {
            sha.update((entry + "\n").getBytes(StandardCharsets.UTF_8));
            Path path = Path.of(entry);
            if (!entry.isEmpty() && Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                        sha.update((path.relativize(file) + " " + attributes.size() + " "
                                + attributes.lastModifiedTime().toMillis() + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest(), 0, 8);
    }

    /** A jar of a directory, with its directory entries (class path scanning asks the class loader for directories). */
    private static void pack(Path directory, Path jar) throws IOException {
        Path part = jar.resolveSibling(jar.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(part); ZipOutputStream zip = new ZipOutputStream(out);
             Stream<Path> paths = Files.walk(directory)) {
            zip.setLevel(Deflater.BEST_SPEED);
            for (Path path : paths.sorted().toList()) {
                if (path.equals(directory)) {
                    continue;
                }
                String name = directory.relativize(path).toString().replace(File.separatorChar, '/');
                if (Files.isDirectory(path)) {
                    zip.putNextEntry(new ZipEntry(name + "/"));
                } else {
                    zip.putNextEntry(new ZipEntry(name));
                    Files.copy(path, zip);
                }
                zip.closeEntry();
            }
        }
        Files.move(part, jar, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Earlier class paths' jars and archives (about 150 MB each) go when a new one is made. */
    private static void removeOthers(Path keep) throws IOException {
        if (!Files.isDirectory(ROOT)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(ROOT)) {
            for (Path other : dirs.filter(d -> !d.equals(keep)).toList()) {
                deleteTree(other);
            }
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete " + root + ": " + e);
        }
    }
}
