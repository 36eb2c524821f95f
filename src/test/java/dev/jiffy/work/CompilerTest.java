package dev.jiffy.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompilerTest {
    @TempDir
    Path dir;

    @Test
    void aProgramWithoutDependenciesDoesNotCompileAgainstJiffysOwnClassPath() throws Exception {
        // This test JVM's class path holds Maven's model, as jiffy's own JVM does.
        assertThat(Class.forName("org.apache.maven.model.Model")).isNotNull();
        Path source = Files.writeString(dir.resolve("App.java"),
                "public class App { org.apache.maven.model.Model m; public static void main(String[] a) {} }\n");

        Compiler.Result result = Compiler.compile(dir, List.of(source), true, List.of("-proc:none"), List.of());

        assertThat(result.output()).isNull();
        assertThat(result.diagnostics()).contains("package org.apache.maven.model does not exist");
    }
}
