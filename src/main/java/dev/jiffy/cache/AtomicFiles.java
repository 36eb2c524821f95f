package dev.jiffy.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Crash-safe writes: content goes to a temporary file in the target's own directory, its size is
 * checked, then it is renamed into place. A reader sees the old file, the new file or none,
 * never a part; a writer killed half-way leaves only a temporary file that trim removes.
 */
public final class AtomicFiles {
    /** Prefix of every temporary file, so that trim can find leftovers of killed writers. */
    public static final String TEMP_PREFIX = ".tmp-";

    static final FileAttribute<Set<PosixFilePermission>> MODE_0666 =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-rw-rw-"));
    static final FileAttribute<Set<PosixFilePermission>> MODE_0777 =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx"));

    private static final Set<StandardOpenOption> CREATE_NEW_FOR_WRITING =
            Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

    private AtomicFiles() {}

    /** Writes {@code content} to {@code target} through a temporary file, with mode 0666 before umask. */
    public static void write(Path target, byte[] content) throws IOException {
        write(target, content, MODE_0666);
    }

    static void write(Path target, byte[] content, FileAttribute<Set<PosixFilePermission>> mode)
            throws IOException {
        // Not named after the target: a program name may take all 255 bytes a file name has.
        Path temp = target.resolveSibling(TEMP_PREFIX + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        boolean renamed = false;
        try {
            // One open creates it with its mode and writes it; the size is read from the same descriptor.
            try (SeekableByteChannel ch = Files.newByteChannel(temp, CREATE_NEW_FOR_WRITING, mode)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                long written = ch.size();
                if (written != content.length) {
                    throw new IOException(target + ": wrote " + written + " of " + content.length + " bytes");
                }
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                renamed = true;
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException(target + ": the file system cannot rename atomically", e);
            }
        } finally {
            if (!renamed) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Creates a directory, which may already exist; the parent must exist. */
    static void createDirectory(Path dir) throws IOException {
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
    }
}
