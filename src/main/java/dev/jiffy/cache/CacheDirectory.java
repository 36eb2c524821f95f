package dev.jiffy.cache;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Creates and checks the cache's root. The cache holds programs that run without a rebuild, so
 * a directory that another user owns or may write to is refused: they could plant a program.
 */
public final class CacheDirectory {
    /** How many times {@link #prepare} creates a root that vanishes under it. */
    private static final int ATTEMPTS = 10;

    private CacheDirectory() {}

    /**
     * Creates the directory (mode 0700) if it is missing, then checks who may write to it. A
     * {@code clean -cache} in another process may rename the directory away between the two
     * steps; then it is created again, up to {@value #ATTEMPTS} times.
     */
    public static void prepare(Path root) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                create(root);
                check(root);
                return;
            } catch (NoSuchFileException e) {
                if (attempt == ATTEMPTS || !root.toString().equals(e.getFile())) {
                    throw e;
                }
            }
        }
    }

    private static void create(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            Path parent = root.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try {
                Files.createDirectory(root, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException e) {
                // Another process created it first; the checks apply to it too.
            }
        }
    }

    /** Refuses a root that is not a directory, belongs to someone else, or that group or others may write. */
    public static void check(Path root) throws IOException {
        PosixFileAttributes attrs = Files.readAttributes(root, PosixFileAttributes.class);
        if (!attrs.isDirectory()) {
            throw new CacheRefusedException(root + " is not a directory");
        }
        Object owner = Files.getAttribute(root, "unix:uid");
        Object me = currentUid();
        if (me != null && !me.equals(owner)) {
            throw new CacheRefusedException(root + " is owned by " + attrs.owner().getName()
                    + ", not by the current user; refusing to run programs from it");
        }
        Set<PosixFilePermission> perms = attrs.permissions();
        if (perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new CacheRefusedException(root + " is writable by " + (perms.contains(PosixFilePermission.OTHERS_WRITE) ? "others" : "its group")
                    + " (mode " + PosixFilePermissions.toString(perms) + "); refusing to run programs from it (chmod go-w)");
        }
    }

    /** The process's own uid: on Linux the owner of /proc/self; elsewhere unknown, and the owner check is skipped. */
    private static Object currentUid() {
        try {
            return Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }
}
