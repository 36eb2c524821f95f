package dev.jiffy.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** {@code jiffy build -o path}: the executable copied out of the cache, runnable on its own. */
final class OutputCopy {
    private OutputCopy() {}

    /** Copies {@code executable} to {@code output} (a file, or a directory to put it in); returns 0. */
    static int copy(Path executable, Path cwd, String output) throws IOException, Failure {
        Path dest = cwd.resolve(output);
        if (Files.isDirectory(dest)) {
            dest = dest.resolve(executable.getFileName());
        }
        // The copy goes through a temporary file, which the user never named: errors name -o's path.
        if (!Files.isDirectory(dest.getParent())) {
            throw new Failure(1, "-o " + output + ": no such directory " + dest.getParent());
        }
        Path temp = dest.resolveSibling("." + dest.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try {
            Files.copy(executable, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.move(temp, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw new Failure(1, "-o " + output + ": cannot write " + dest + " (" + Messages.describe(e) + ")");
        }
        return 0;
    }
}
