package dev.jiffy.deps;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The directives of a whole program, checked and with {@code ${property}} and
 * {@code ${env.NAME}} replaced: what to resolve, where from, and the options for javac and the
 * program's JVM. {@code //SOURCES} and {@code //FILES} name files relative to the file that
 * declares them, so the build expands those itself.
 *
 * @param classPath   JBang's {@code --cp} flags (a directive of line 0 each): the user's jars and
 *                    class directories, which the build reads itself
 * @param environment the variables that {@code ${env.NAME}} read, with their values: the program
 *                    depends on them as on its files, so a run file must check them
 */
public record ScriptDirectives(List<Coordinate> dependencies, List<Repository> repositories, String javaVersion,
        List<String> javaOptions, List<String> javacOptions, Directives.Directive main,
        List<Directives.Directive> classPath, Map<String, String> environment) {

    public static ScriptDirectives of(List<Directives.Directive> all, Map<String, String> env, Map<String, String> properties)
            throws DirectiveException {
        List<Coordinate> deps = new ArrayList<>();
        List<Repository> repos = new ArrayList<>();
        String java = null;
        List<String> javaOptions = new ArrayList<>();
        List<String> javacOptions = new ArrayList<>();
        Directives.Directive main = null;
        List<Directives.Directive> classPath = new ArrayList<>();
        Map<String, String> used = new TreeMap<>();
        Directives.Directive versionlessAt = null;
        String versionless = null;
        boolean bom = false;
        for (Directives.Directive d : all) {
            switch (d.keyword()) {
                case "DEPS" -> {
                    for (String word : names(d, env, properties, used)) {
                        if (word.endsWith(".java")) {
                            continue; // a source, as JBang takes it: the source set reads it
                        }
                        Coordinate c;
                        try {
                            c = Coordinate.parse(word, false);
                        } catch (IllegalArgumentException e) {
                            throw new DirectiveException(d, e.getMessage());
                        }
                        // A version can be left to a BOM (group:artifact:version@pom), as in Maven.
                        if (c.type().equals("pom")) {
                            if (c.version() == null) {
                                throw new DirectiveException(d, "\"" + word + "\": a BOM needs a version (group:artifact:version@pom)");
                            }
                            bom = true;
                        } else if (c.version() == null && versionless == null) {
                            versionlessAt = d;
                            versionless = word;
                        }
                        deps.add(c);
                    }
                }
                case "REPOS" -> {
                    for (String word : names(d, env, properties, used)) {
                        try {
                            repos.add(Repository.parse(word));
                        } catch (IllegalArgumentException e) {
                            throw new DirectiveException(d, e.getMessage());
                        }
                    }
                }
                case "JAVA" -> {
                    String v = d.value().strip();
                    if (!v.matches("[0-9]{1,3}\\+?")) {
                        throw new DirectiveException(d, "\"" + v + "\" is not a Java version (examples: 17, 21+)");
                    }
                    java = v;
                }
                case "JAVA_OPTIONS", "RUNTIME_OPTIONS" -> javaOptions.addAll(words(d, env, properties, used));
                case "JAVAC_OPTIONS", "COMPILE_OPTIONS" -> javacOptions.addAll(words(d, env, properties, used));
                case "PREVIEW" -> {
                    javaOptions.add("--enable-preview");
                    javacOptions.add("--enable-preview");
                }
                case "MAIN" -> {
                    if (d.value().isBlank() || d.value().strip().contains(" ")) {
                        throw new DirectiveException(d, "needs one class name");
                    }
                    main = d;
                }
                case "CLASSPATH" -> {
                    if (d.line() == 0) { // --cp only: JBang has no //CLASSPATH
                        classPath.add(new Directives.Directive(d.keyword(), substitute(d, env, properties, used), d.file(), 0));
                    }
                }
                default -> {
                    // Other JBang directives (//DESCRIPTION, //GAV, //JAVAAGENT, ...) do not change the program.
                }
            }
        }
        if (versionless != null && !bom) {
            throw new DirectiveException(versionlessAt,
                    "\"" + versionless + "\" has no version, and no //DEPS group:artifact:version@pom BOM manages it");
        }
        return new ScriptDirectives(List.copyOf(deps), List.copyOf(repos), java, List.copyOf(javaOptions),
                List.copyOf(javacOptions), main, List.copyOf(classPath), Map.copyOf(used));
    }

    private static List<String> words(Directives.Directive d, Map<String, String> env, Map<String, String> properties,
            Map<String, String> used) throws DirectiveException {
        try {
            return Words.split(substitute(d.value(), env, properties, used));
        } catch (IllegalArgumentException e) {
            throw new DirectiveException(d, e.getMessage());
        }
    }

    private static String substitute(Directives.Directive d, Map<String, String> env, Map<String, String> properties,
            Map<String, String> used) throws DirectiveException {
        try {
            return substitute(d.value(), env, properties, used);
        } catch (IllegalArgumentException e) {
            throw new DirectiveException(d, e.getMessage());
        }
    }

    /** The entries of a //DEPS or //REPOS line, which commas and semicolons separate too. */
    private static List<String> names(Directives.Directive d, Map<String, String> env, Map<String, String> properties,
            Map<String, String> used) throws DirectiveException {
        try {
            return Words.splitList(substitute(d.value(), env, properties, used));
        } catch (IllegalArgumentException e) {
            throw new DirectiveException(d, e.getMessage());
        }
    }

    /**
     * Maven-style {@code ${name}} from system properties and {@code ${env.NAME}} from the
     * environment; the variables read are added to {@code used}.
     */
    static String substitute(String text, Map<String, String> env, Map<String, String> properties, Map<String, String> used) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("${", i);
            if (start < 0) {
                out.append(text, i, text.length());
                break;
            }
            int end = text.indexOf('}', start);
            if (end < 0) {
                throw new IllegalArgumentException("unclosed ${ in \"" + text + "\"");
            }
            out.append(text, i, start);
            String name = text.substring(start + 2, end);
            String value = name.startsWith("env.") ? env.get(name.substring(4)) : properties.get(name);
            if (value == null) {
                throw new IllegalArgumentException("${" + name + "} is not set");
            }
            if (name.startsWith("env.")) {
                used.put(name.substring(4), value);
            }
            out.append(value);
            i = end + 1;
        }
        return out.toString();
    }
}
