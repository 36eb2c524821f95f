package dev.jiffy.work;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file a program carries as a class-path resource: a {@code //FILES} file or a Maven
 * resource, read when linked, or a filtered Maven resource, whose content is made already.
 *
 * @param filtered the content to link in place of the file's, or null
 */
record Resource(Path file, byte[] filtered) {
    static Resource of(Path file) {
        return new Resource(file, null);
    }

    byte[] content() throws IOException {
        return filtered != null ? filtered : Files.readAllBytes(file);
    }
}
