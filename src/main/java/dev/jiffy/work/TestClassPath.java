package dev.jiffy.work;

import dev.jiffy.project.MavenBuild;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a module's tests run with: the test class path as files (the compiled test classes and
 * main classes, the compiled modules, a jar of the resources, the jars, JUnit's launcher), the
 * lines that name its content for a test action's ID, and the JDK that built it.
 *
 * @param coordinates  the module's {@code groupId:artifactId}, as {@code jiffy test} prints it
 * @param directory    the module's directory, where its tests run
 * @param testClasses  the compiled test classes (a zip), which the tests are found in; null without tests
 * @param classpath    the test JVM's class path, in order
 * @param keyLines     one line for each thing on it, by content: output IDs and coordinates
 * @param toolVersion  jiffy's own build version, which every action ID starts with
 * @param surefire     what surefire's configuration gives the test JVM: options, variables, includes
 * @param generators   the build's plugins that make sources or resources in mvn's build, which jiffy does not run
 * @param inputs       every file and directory the build read (poms, sources, resources), with the
 *                     stamp it had when read, for a run file to pin
 * @param tree         the directory whose every file a passing result depends on (a module's, a
 *                     source directory); null for a script, whose files are its inputs
 */
public record TestClassPath(String coordinates, Path directory, Path testClasses, List<Path> classpath,
        List<String> keyLines, Jdk jdk, String toolVersion, MavenBuild.Tests surefire, List<String> generators,
        Map<Path, String> inputs, Path tree) {
    /** The same tests, read from {@code inputs}. */
    TestClassPath readFrom(Map<Path, String> inputs) {
        return new TestClassPath(coordinates, directory, testClasses, classpath, keyLines, jdk, toolVersion, surefire,
                generators, java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs)), tree);
    }

    /** An action ID of the tests' own, starting as every action ID does, with their class path's lines. */
    public ActionKey key(String action) {
        ActionKey key = new ActionKey(action, toolVersion, jdk);
        keyLines.forEach(key::add);
        return key;
    }
}
