package com.atlan.storage.store.local;

import com.atlan.storage.store.StorageConfigException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The file names of the local store's own: the partial files its writes go through, named with the writing
 * process so that those of a killed process can be told from those still being written, and the check that file
 * names can be represented at all.
 */
final class PartialFiles {

    /** File-name prefix of in-progress writes; such files are never listed. */
    static final String PREFIX = ".atlan-partial-";

    /** How long a partial file of a process that is gone must be untouched before it is removed. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);

    private static final String OWN_PREFIX = PREFIX + ProcessHandle.current().pid() + "-";

    /** The names this store gives partial files: {@link #PREFIX}, the process id (not in older versions), a UUID. */
    private static final Pattern NAME =
            Pattern.compile(Pattern.quote(PREFIX) + "(\\d+-)?\\p{XDigit}{8}(-\\p{XDigit}{4}){3}-\\p{XDigit}{12}");

    private PartialFiles() {}

    /**
     * Whether {@code fileName} is one this store gives its partial files. Any other name, even one starting with
     * {@link #PREFIX} (a user's {@code .atlan-partial-x}), is an object: listed, copied, never removed.
     */
    static boolean isPartial(String fileName) {
        return NAME.matcher(fileName).matches();
    }

    /** A new partial file name of this process. */
    static String newName() {
        return OWN_PREFIX + UUID.randomUUID();
    }

    /**
     * Whether {@code partial} (a file named {@link #PREFIX}...) was left by a write that will never finish:
     * its process (named in the file name) is gone and it has not changed for {@link #ABANDONED_AFTER}; a name without
     * a process id (older versions) after an hour untouched.
     */
    static boolean isAbandoned(String fileName, FileTime modified, Instant now) {
        String rest = fileName.substring(PREFIX.length());
        int dash = rest.indexOf('-');
        Duration idle = Duration.between(modified.toInstant(), now);
        if (dash > 0) {
            try {
                long pid = Long.parseLong(rest.substring(0, dash));
                return ProcessHandle.of(pid).isEmpty() && idle.compareTo(ABANDONED_AFTER) > 0;
            } catch (NumberFormatException e) {
                // a UUID's first group: the older name without a process id
            }
        }
        return idle.compareTo(Duration.ofHours(1)) > 0;
    }

    /**
     * Removes the partial files last changed before {@code before} in the folders under {@code root} that can hold
     * keys starting with {@code prefix}, except those of another process that is still running.
     *
     * @return how many were removed
     */
    static int removeUnder(Path root, String prefix, Instant before) throws IOException {
        int slash = prefix.lastIndexOf('/');
        Path start = slash < 0 ? root : root.resolve(prefix.substring(0, slash));
        if (!start.normalize().startsWith(root) || !Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        int[] removed = {0};
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String folder = root.relativize(file.getParent())
                        .toString()
                        .replace(file.getFileSystem().getSeparator(), "/");
                folder = folder.isEmpty() ? "" : folder + "/";
                String name = file.getFileName().toString();
                if ((folder.startsWith(prefix) || prefix.startsWith(folder))
                        && attrs.isRegularFile()
                        && isPartial(name)
                        && attrs.lastModifiedTime().toInstant().isBefore(before)
                        && !ofLiveProcess(name)
                        && Files.deleteIfExists(file)) {
                    removed[0]++;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // vanished or unreadable: nothing of ours to remove
            }
        });
        return removed[0];
    }

    /** Whether a partial file was named by another process that is still running (its write may go on). */
    private static boolean ofLiveProcess(String fileName) {
        if (fileName.startsWith(OWN_PREFIX)) {
            return false;
        }
        String rest = fileName.substring(PREFIX.length());
        int dash = rest.indexOf('-');
        try {
            return dash > 0
                    && ProcessHandle.of(Long.parseLong(rest.substring(0, dash))).isPresent();
        } catch (NumberFormatException e) {
            return false; // an older name without a process id
        }
    }

    /**
     * Refuses to run where the JVM encodes file names in a character set other than UTF-8 (a POSIX locale under
     * cron, systemd or a minimal container): non-ASCII names would list as {@code ?} and fail to write.
     */
    static void requireUtf8FileNames(String store) {
        String encoding = System.getProperty("sun.jnu.encoding", "UTF-8");
        boolean utf8;
        try {
            utf8 = Charset.forName(encoding).equals(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            utf8 = false;
        }
        if (!utf8) {
            throw new StorageConfigException("the local store '" + store + "' cannot run: this JVM encodes file names"
                    + " as " + encoding + " (from the locale; LANG=" + System.getenv("LANG") + ", LC_ALL="
                    + System.getenv("LC_ALL") + "), so non-ASCII keys would be garbled. Run with a UTF-8 locale,"
                    + " e.g. LC_ALL=C.UTF-8 (bin/atlan-storage sets one)");
        }
    }
}
