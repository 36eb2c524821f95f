package dev.jiffy.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FatJarTest {
    @TempDir
    Path temp;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private Path jar(String name, Map<String, String> attributes, Map<String, String> entries) throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.forEach((k, v) -> mf.getMainAttributes().putValue(k, v));
        Path file = temp.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, mf)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                jar.write(bytes(e.getValue()));
                jar.closeEntry();
            }
        }
        return file;
    }

    private static String text(FatJar.Merged merged, String name) {
        byte[] b = merged.entries().get(name);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void programWinsThenTheClassPathOrderAndDuplicatesAreReported() throws Exception {
        Path first = jar("first.jar", Map.of(), Map.of("p/Shared.class", "first", "p/Lib.class", "lib", "p/"
                + "res.txt", "first res"));
        Path second = jar("second.jar", Map.of(), Map.of("p/Shared.class", "second", "p/res.txt", "second res"));
        FatJar.Merged merged = FatJar.merge(Map.of("p/Shared.class", bytes("program")), List.of(first, second));

        assertThat(text(merged, "p/Shared.class")).isEqualTo("program");
        assertThat(text(merged, "p/Lib.class")).isEqualTo("lib");
        assertThat(text(merged, "p/res.txt")).isEqualTo("first res");
        assertThat(merged.duplicates()).containsExactly("p/Shared.class (kept the first, skipped first.jar)",
                "p/Shared.class (kept the first, skipped second.jar)");
        assertThat(merged.multiRelease()).isFalse();
        // Sorted, so the executable's bytes do not depend on the order of the jars' entries.
        assertThat(List.copyOf(merged.entries().keySet())).isSorted();
    }

    @Test
    void servicesFilesAreMergedWithoutCommentsOrRepeats() throws Exception {
        Path a = jar("a.jar", Map.of(), Map.of("META-INF/services/x.Y", "# from a\r\nx.A\r\nx.Shared\r\n"));
        Path b = jar("b.jar", Map.of(), Map.of("META-INF/services/x.Y", "x.B\n\n  x.Shared  \n",
                "META-INF/services/other/not.a.Service", "kept as it is\n"));
        FatJar.Merged merged = FatJar.merge(Map.of("META-INF/services/x.Y", bytes("x.Program\n")), List.of(a, b));

        assertThat(text(merged, "META-INF/services/x.Y")).isEqualTo("x.Program\nx.A\nx.Shared\nx.B\n");
        assertThat(text(merged, "META-INF/services/other/not.a.Service")).isEqualTo("kept as it is\n");
    }

    @Test
    void signaturesManifestsAndModuleDescriptorsAreDropped() throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String name : new String[] {"META-INF/FOO.SF", "META-INF/FOO.RSA", "META-INF/BAR.DSA", "META-INF/baz.ec",
                "META-INF/SIG-QUX", "META-INF/INDEX.LIST", "module-info.class", "META-INF/versions/11/module-info.class",
                "META-INF/LICENSE", "META-INF/maven/g/a/pom.properties", "META-INF/sub/KEEP.SF", "p/C.class"}) {
            entries.put(name, name);
        }
        FatJar.Merged merged = FatJar.merge(Map.of(), List.of(jar("signed.jar", Map.of("Multi-Release", "true"), entries)));

        assertThat(merged.entries().keySet()).containsExactly("META-INF/LICENSE", "META-INF/maven/g/a/pom.properties",
                "META-INF/sub/KEEP.SF", "p/C.class");
        assertThat(merged.multiRelease()).isTrue();
    }

    @Test
    void launchOptionsFromTheManifest() throws Exception {
        Path tool = jar("tool.jar", Map.of("Main-Class", "t.Main",
                "Add-Opens", "java.base/java.lang java.base/java.util",
                "Add-Exports", " jdk.compiler/com.sun.tools.javac.api ",
                "Enable-Native-Access", "ALL-UNNAMED"), Map.of());
        assertThat(FatJar.launchOptions(tool)).containsExactly("--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
                "--enable-native-access=ALL-UNNAMED");
        assertThat(FatJar.launchOptions(jar("plain.jar", Map.of("Main-Class", "t.Main"), Map.of()))).isEmpty();
    }

    @Test
    void theLauncherAgentClassFromTheManifest() throws Exception {
        Path agented = jar("agented.jar", Map.of("Main-Class", "t.Main", "Launcher-Agent-Class", " t.Agent "), Map.of());
        assertThat(FatJar.launcherAgent(agented)).isEqualTo("t.Agent");
        assertThat(FatJar.launcherAgent(jar("plain.jar", Map.of("Main-Class", "t.Main"), Map.of()))).isNull();
    }
}
