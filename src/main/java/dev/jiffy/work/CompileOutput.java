package dev.jiffy.work;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * What compile stores in the cache: the class files, the top-level types with a main method (so
 * that link can choose one without compiling again), and javac's warnings (printed again on a
 * hit). Encoded as a deterministic zip, so the same compile gives the same output ID.
 */
record CompileOutput(Map<String, byte[]> classes, List<String> mainClasses, String warnings) {
    private static final String MAINS = "META-INF/jiffy/main-classes";
    private static final String WARNINGS = "META-INF/jiffy/warnings";

    byte[] encode() throws IOException {
        Map<String, byte[]> entries = new TreeMap<>(classes);
        entries.put(MAINS, String.join("\n", mainClasses).getBytes(StandardCharsets.UTF_8));
        entries.put(WARNINGS, warnings.getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(DeterministicJar.entry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static CompileOutput decode(byte[] data) throws IOException {
        Map<String, byte[]> classes = new TreeMap<>();
        List<String> mains = new ArrayList<>();
        String warnings = "";
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(data))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                byte[] content = zip.readAllBytes();
                switch (e.getName()) {
                    case MAINS -> new String(content, StandardCharsets.UTF_8).lines()
                            .filter(l -> !l.isEmpty()).forEach(mains::add);
                    case WARNINGS -> warnings = new String(content, StandardCharsets.UTF_8);
                    default -> classes.put(e.getName(), content);
                }
            }
        }
        return new CompileOutput(classes, mains, warnings);
    }
}
