package dev.jiffy.work;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Zips with the same bytes for the same entries: sorted names, one fixed local timestamp (so the
 * time zone does not leak in), no extra fields.
 */
final class DeterministicJar {
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private DeterministicJar() {}

    static ZipEntry entry(String name) {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(FIXED_TIME);
        return e;
    }

    /** A jar of {@code entries} with the manifest first, as the JDK's jar tools expect. */
    static byte[] write(String manifest, Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(entry("META-INF/"));
            zip.closeEntry();
            zip.putNextEntry(entry("META-INF/MANIFEST.MF"));
            zip.write(manifest.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
            for (Map.Entry<String, byte[]> e : new TreeMap<>(entries).entrySet()) {
                if (e.getKey().equals("META-INF/MANIFEST.MF") || e.getKey().equals("META-INF/")) {
                    continue;
                }
                zip.putNextEntry(entry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
