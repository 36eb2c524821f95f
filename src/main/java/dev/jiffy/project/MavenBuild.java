package dev.jiffy.project;

import dev.jiffy.deps.Coordinate;
import dev.jiffy.deps.ProjectDependency;
import dev.jiffy.deps.Repository;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.model.Build;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Exclusion;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.model.Resource;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * What {@code mvn compile exec:java} would build and run, read off an effective model: the
 * source directory, the resources, the dependencies as the pom declares them, javac's options
 * from maven-compiler-plugin and the main class from exec-maven-plugin or a jar manifest.
 *
 * @param resources    each resource directory with its filtering flag and patterns
 * @param repositories the project's repositories and Central, as the super pom gives it
 * @param processorPath maven-compiler-plugin's {@code annotationProcessorPaths}, versions managed
 * @param sourceGenerators the build's plugins that generate sources in {@code mvn}'s build, which jiffy does not run
 * @param tests        the test sources and resources, as maven-surefire-plugin runs them
 */
public record MavenBuild(String coordinates, String artifactId, String packaging, Path sourceDirectory,
        List<ResourceDirectory> resources, List<ProjectDependency> dependencies, List<ProjectDependency> managed,
        List<Repository> repositories, List<String> javacOptions, List<Coordinate> processorPath, String mainClass,
        List<String> sourceGenerators, Tests tests) {

    /**
     * {@code src/test/java} (or testSourceDirectory), the test resources, and what
     * maven-surefire-plugin's configuration gives the test JVM.
     *
     * @param jvmOptions  {@code argLine}, split into words, with {@code systemPropertyVariables} as {@code -D}
     * @param environment {@code environmentVariables}
     * @param includes    {@code includes} as class-name patterns ({@link #classPattern}); empty for surefire's defaults
     * @param excludes    {@code excludes}, likewise
     */
    public record Tests(Path sourceDirectory, List<ResourceDirectory> resources, List<String> jvmOptions,
            Map<String, String> environment, List<String> includes, List<String> excludes) {}

    /**
     * A surefire pattern ({@code **}{@code /*Test.java}, {@code MyTest}, {@code %regex[...]}) as a
     * regular expression over a class's binary name ({@code a.b.MyTest}).
     */
    public static String classPattern(String pattern) {
        String p = pattern.strip();
        if (p.startsWith("%regex[") && p.endsWith("]")) {
            // Surefire matches these against the class file's path, a/b/MyTest.class.
            return "%path:" + p.substring("%regex[".length(), p.length() - 1);
        }
        p = p.replace('\\', '/');
        if (p.endsWith(".java") || p.endsWith(".class")) {
            p = p.substring(0, p.lastIndexOf('.'));
        }
        StringBuilder b = new StringBuilder("^");
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (p.startsWith("**/", i)) {
                b.append("(.*\\.)?");
                i += 2;
            } else if (c == '*') {
                b.append("[^.]*");
            } else if (c == '?') {
                b.append("[^.]");
            } else if (c == '/') {
                b.append("\\.");
            } else {
                b.append(java.util.regex.Pattern.quote(String.valueOf(c)));
            }
        }
        // A pattern without a directory matches in any package, as in surefire.
        return (p.contains("/") ? b : new StringBuilder("^(.*\\.)?").append(b.substring(1))).append("$").toString();
    }

    private static List<String> patterns(Xpp3Dom config, String name) {
        Xpp3Dom list = config == null ? null : config.getChild(name);
        List<String> patterns = new ArrayList<>();
        if (list != null) {
            for (Xpp3Dom p : list.getChildren()) {
                if (p.getValue() != null && !p.getValue().isBlank()) {
                    for (String one : p.getValue().split(",")) {
                        if (!one.isBlank()) {
                            patterns.add(classPattern(one));
                        }
                    }
                }
            }
        }
        return List.copyOf(patterns);
    }

    private static final String SUREFIRE = "org.apache.maven.plugins:maven-surefire-plugin";

    static Tests tests(Model m) {
        Build build = m.getBuild();
        Xpp3Dom config = configuration(m, SUREFIRE);
        List<String> jvm = new ArrayList<>();
        String argLine = child(config, "argLine");
        if (argLine == null) {
            argLine = m.getProperties().getProperty("argLine");
        }
        if (argLine != null) {
            for (String word : argLine.strip().split("\\s+")) {
                // @{argLine} is late replacement for another plugin's (JaCoCo's) options: none here.
                if (!word.isEmpty() && !word.matches("@\\{[^}]*}") && !word.matches("\\$\\{[^}]*}")) {
                    jvm.add(word);
                }
            }
        }
        Map<String, String> environment = new java.util.TreeMap<>();
        Xpp3Dom properties = config == null ? null : config.getChild("systemPropertyVariables");
        if (properties != null) {
            for (Xpp3Dom p : properties.getChildren()) {
                jvm.add("-D" + p.getName() + "=" + (p.getValue() == null ? "" : p.getValue().strip()));
            }
        }
        Xpp3Dom variables = config == null ? null : config.getChild("environmentVariables");
        if (variables != null) {
            for (Xpp3Dom v : variables.getChildren()) {
                environment.put(v.getName(), v.getValue() == null ? "" : v.getValue().strip());
            }
        }
        return new Tests(Path.of(build.getTestSourceDirectory()), resources(build.getTestResources()), List.copyOf(jvm),
                java.util.Collections.unmodifiableMap(environment), patterns(config, "includes"), patterns(config, "excludes"));
    }

    /** A {@code <resource>}: a directory, whether it is filtered, and its include and exclude patterns. */
    public record ResourceDirectory(Path directory, boolean filtering, List<String> includes, List<String> excludes,
            String targetPath) {}

    private static final String COMPILER = "org.apache.maven.plugins:maven-compiler-plugin";
    private static final String EXEC = "org.codehaus.mojo:exec-maven-plugin";
    private static final String JAR = "org.apache.maven.plugins:maven-jar-plugin";
    private static final String ASSEMBLY = "org.apache.maven.plugins:maven-assembly-plugin";
    private static final String SHADE = "org.apache.maven.plugins:maven-shade-plugin";
    private static final String BUNDLE = "org.apache.felix:maven-bundle-plugin";

    public static MavenBuild of(EffectiveModel effective) {
        Model m = effective.model();
        Build build = m.getBuild();
        List<ResourceDirectory> resources = resources(build.getResources());
        List<ProjectDependency> managed = new ArrayList<>();
        if (m.getDependencyManagement() != null) {
            m.getDependencyManagement().getDependencies().forEach(d -> managed.add(dependency(d)));
        }
        List<Repository> repositories = m.getRepositories().stream()
                .map(r -> new Repository(r.getId(), r.getUrl())).toList();
        return new MavenBuild(effective.coordinates(), m.getArtifactId(), m.getPackaging(),
                Path.of(build.getSourceDirectory()), resources, m.getDependencies().stream().map(MavenBuild::dependency).toList(),
                managed, repositories, javacOptions(m), processorPath(m, managed), mainClass(m), sourceGenerators(build),
                tests(m));
    }

    private static List<ResourceDirectory> resources(List<? extends Resource> declared) {
        List<ResourceDirectory> resources = new ArrayList<>();
        for (Resource r : declared) {
            resources.add(new ResourceDirectory(Path.of(r.getDirectory()), r.isFiltering(), List.copyOf(r.getIncludes()),
                    List.copyOf(r.getExcludes()), r.getTargetPath()));
        }
        return resources;
    }

    private static ProjectDependency dependency(Dependency d) {
        List<String> exclusions = new ArrayList<>();
        for (Exclusion e : d.getExclusions()) {
            exclusions.add(e.getGroupId() + ":" + e.getArtifactId());
        }
        String classifier = d.getClassifier() == null || d.getClassifier().isEmpty() ? null : d.getClassifier();
        return new ProjectDependency(new Coordinate(d.getGroupId(), d.getArtifactId(), d.getVersion(), classifier, d.getType()),
                d.getScope() == null ? "compile" : d.getScope(), d.isOptional(), exclusions,
                d.getSystemPath() == null ? null : Path.of(d.getSystemPath()));
    }

    /**
     * javac's options as maven-compiler-plugin makes them: {@code release} (else {@code source}
     * and {@code target}), {@code encoding}, {@code parameters} and {@code compilerArgs}, each
     * from the plugin's configuration or the property Maven reads for it. With none of release,
     * source and target given, javac's own default stands.
     */
    static List<String> javacOptions(Model m) {
        Xpp3Dom config = configuration(m, COMPILER);
        Properties p = m.getProperties();
        List<String> options = new ArrayList<>();
        String release = value(config, "release", p, "maven.compiler.release");
        if (release != null) {
            options.add("--release");
            options.add(release);
        } else {
            String source = value(config, "source", p, "maven.compiler.source");
            String target = value(config, "target", p, "maven.compiler.target");
            if (source != null) {
                options.add("-source");
                options.add(source);
            }
            if (target != null) {
                options.add("-target");
                options.add(target);
            }
        }
        String encoding = value(config, "encoding", p, "project.build.sourceEncoding");
        if (encoding != null) {
            options.add("-encoding");
            options.add(encoding);
        }
        if ("true".equals(value(config, "parameters", p, "maven.compiler.parameters"))) {
            options.add("-parameters");
        }
        String proc = value(config, "proc", p, "maven.compiler.proc");
        if (proc != null) {
            options.add("-proc:" + proc);
        }
        Xpp3Dom processors = config == null ? null : config.getChild("annotationProcessors");
        if (processors != null && processors.getChildCount() > 0) {
            options.add("-processor");
            options.add(String.join(",", java.util.Arrays.stream(processors.getChildren()).map(Xpp3Dom::getValue)
                    .filter(v -> v != null && !v.isBlank()).map(String::strip).toList()));
        }
        Xpp3Dom args = config == null ? null : config.getChild("compilerArgs");
        if (args != null) {
            for (Xpp3Dom arg : args.getChildren()) {
                // Error Prone checks code and makes no class file; in javac's own JVM it needs exports
                // that only .mvn/jvm.config gives Maven's, so it is left out, as its -XD settings are not.
                if (arg.getValue() != null && !arg.getValue().isBlank() && !arg.getValue().strip().startsWith("-Xplugin:ErrorProne")) {
                    options.add(arg.getValue().strip());
                }
            }
        }
        return List.copyOf(options);
    }

    /** Plugins whose goals make sources by default, named by a part of their artifactId. */
    private static final List<String> GENERATORS = List.of("antlr", "protobuf", "protoc", "grpc", "jaxb", "jaxws", "xjc",
            "openapi", "swagger", "avro", "thrift", "javacc", "jflex", "modello", "templating", "build-helper", "wsdl",
            "jooq", "querydsl", "immutables-maven", "buildnumber", "git-commit-id");

    /**
     * The build's plugins that make sources or resources in {@code mvn}'s build: one with an
     * execution bound to a generate or process phase, or a plugin known to generate code.
     */
    static List<String> sourceGenerators(Build build) {
        List<String> found = new ArrayList<>();
        for (Plugin p : build.getPlugins()) {
            boolean phase = p.getExecutions().stream().anyMatch(e -> e.getPhase() != null
                    && (e.getPhase().startsWith("generate-") || e.getPhase().equals("process-sources")));
            if (phase || GENERATORS.stream().anyMatch(g -> p.getArtifactId().contains(g))) {
                found.add(p.getArtifactId());
            }
        }
        return List.copyOf(found);
    }

    /**
     * maven-compiler-plugin's {@code annotationProcessorPaths}: each {@code <path>}'s coordinate,
     * its version from the project's dependencyManagement when the path gives none.
     */
    static List<Coordinate> processorPath(Model m, List<ProjectDependency> managed) {
        Xpp3Dom config = configuration(m, COMPILER);
        Xpp3Dom paths = config == null ? null : config.getChild("annotationProcessorPaths");
        List<Coordinate> path = new ArrayList<>();
        if (paths == null) {
            return path;
        }
        for (Xpp3Dom p : paths.getChildren()) {
            String group = child(p, "groupId");
            String artifact = child(p, "artifactId");
            String version = child(p, "version");
            if (version == null) {
                version = managed.stream().map(ProjectDependency::coordinate)
                        .filter(c -> c.groupId().equals(group) && c.artifactId().equals(artifact))
                        .map(Coordinate::version).findFirst().orElse(null);
            }
            String type = child(p, "type");
            path.add(new Coordinate(group, artifact, version, child(p, "classifier"), type == null ? "jar" : type));
        }
        return List.copyOf(path);
    }

    /**
     * exec-maven-plugin's {@code mainClass} (or {@code exec.mainClass}), else the manifest's of
     * the jar, assembly, bundle or shade plugin's configuration; null if none.
     */
    static String mainClass(Model m) {
        String exec = execMainClass(m);
        if (exec != null) {
            return exec;
        }
        String property = m.getProperties().getProperty("exec.mainClass");
        if (property != null && !property.isBlank()) {
            return property.strip();
        }
        java.util.function.Function<Xpp3Dom, String> manifest = c -> {
            Xpp3Dom archive = c.getChild("archive");
            return child(archive == null ? null : archive.getChild("manifest"), "mainClass");
        };
        String archive = inPlugin(m, JAR, manifest);
        if (archive == null) {
            archive = inPlugin(m, ASSEMBLY, manifest);
        }
        if (archive == null) {
            archive = inPlugin(m, BUNDLE, c -> child(c.getChild("instructions"), "Main-Class"));
        }
        return archive != null ? archive : inPlugin(m, SHADE, c -> {
            Xpp3Dom transformers = c.getChild("transformers");
            if (transformers == null) {
                return null;
            }
            for (Xpp3Dom t : transformers.getChildren()) {
                String main = child(t, "mainClass");
                if (main != null && String.valueOf(t.getAttribute("implementation")).endsWith("ManifestResourceTransformer")) {
                    return main;
                }
            }
            return null;
        });
    }

    /**
     * exec-maven-plugin's {@code mainClass} as {@code mvn exec:java} reads it: the plugin's own
     * configuration, else its {@code default-cli} execution's, else that of an execution of the
     * java goal bound to no phase (one that only {@code exec:java@id} runs). An execution bound
     * to a phase is a step of the build (a code generator at process-classes, say), not the program.
     */
    private static String execMainClass(Model m) {
        Plugin exec = plugin(m, EXEC);
        if (exec == null) {
            return null;
        }
        String main = child(exec.getConfiguration(), "mainClass");
        for (PluginExecution e : exec.getExecutions()) {
            if (main == null && e.getId().equals("default-cli")) {
                main = child(e.getConfiguration(), "mainClass");
            }
        }
        for (PluginExecution e : exec.getExecutions()) {
            if (main == null && e.getPhase() == null && e.getGoals().contains("java")) {
                main = child(e.getConfiguration(), "mainClass");
            }
        }
        return main;
    }

    /** What {@code read} finds in a plugin's configuration, else in one of its executions'; null if none. */
    private static String inPlugin(Model m, String key, java.util.function.Function<Xpp3Dom, String> read) {
        Plugin p = plugin(m, key);
        if (p == null) {
            return null;
        }
        String found = p.getConfiguration() instanceof Xpp3Dom c ? read.apply(c) : null;
        for (PluginExecution e : p.getExecutions()) {
            if (found == null && e.getConfiguration() instanceof Xpp3Dom c) {
                found = read.apply(c);
            }
        }
        return found;
    }

    /**
     * A plugin as the build declares it, else as pluginManagement configures it: without the
     * lifecycle bindings of maven-core, a plugin that only pluginManagement names is not merged
     * into the build, yet Maven would run it with that configuration.
     */
    private static Plugin plugin(Model m, String key) {
        Plugin p = m.getBuild().getPluginsAsMap().get(key);
        if (p == null && m.getBuild().getPluginManagement() != null) {
            p = m.getBuild().getPluginManagement().getPluginsAsMap().get(key);
        }
        return p;
    }

    private static Xpp3Dom configuration(Model m, String key) {
        Plugin p = plugin(m, key);
        return p == null ? null : (Xpp3Dom) p.getConfiguration();
    }

    private static String value(Xpp3Dom config, String name, Properties properties, String property) {
        String v = child(config, name);
        if (v == null) {
            String p = properties.getProperty(property);
            v = p == null || p.isBlank() ? null : p.strip();
        }
        return v;
    }

    private static String child(Object config, String name) {
        Xpp3Dom c = config instanceof Xpp3Dom dom ? dom.getChild(name) : null;
        return c == null || c.getValue() == null || c.getValue().isBlank() ? null : c.getValue().strip();
    }
}
