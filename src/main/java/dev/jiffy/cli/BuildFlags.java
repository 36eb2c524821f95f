package dev.jiffy.cli;

import dev.jiffy.deps.Directives;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The build flags of {@code run}, {@code build} and {@code tool}, as in {@code go build}, then
 * the target; every argument after the target belongs to the program.
 *
 * @param properties JBang's {@code -D name=value} (or {@code -Dname=value}): a system property of
 *                   the program, and a value for {@code ${name}} in its directives
 * @param directives JBang's flags that stand for directives: {@code --deps}, {@code --repos},
 *                   {@code -R}/{@code --runtime-option}, {@code -C}/{@code --compile-option},
 *                   {@code --java}, {@code --cp}/{@code --class-path}; read after the sources' own
 * @param code       JBang's {@code --code SOURCE}: the script itself, or null
 * @param consumed how many arguments (after the command word) jiffy used: flags and the target
 */
record BuildFlags(boolean rebuild, boolean dryRun, boolean trace, boolean verbose, boolean quiet, boolean offline,
        String javaHome, String mainClass, String output, Map<String, String> properties,
        List<Directives.Directive> directives, String code, String target, List<String> programArgs, int consumed) {
    /** JBang's flags that stand for a directive, and the directive. */
    private static final Map<String, String> DIRECTIVE_FLAGS = Map.of("--deps", "DEPS", "--repos", "REPOS",
            "-R", "JAVA_OPTIONS", "--runtime-option", "JAVA_OPTIONS", "-C", "JAVAC_OPTIONS", "--compile-option",
            "JAVAC_OPTIONS", "--java", "JAVA", "--cp", "CLASSPATH", "--class-path", "CLASSPATH");

    /**
     * These flags over what a catalog's alias says: its directives first (the command line's come
     * after, so they win), its properties under the command line's, its main class unless
     * {@code -main} chose one.
     */
    BuildFlags under(List<Directives.Directive> aliasDirectives, Map<String, String> aliasProperties, String aliasMain) {
        List<Directives.Directive> d = new ArrayList<>(aliasDirectives);
        d.addAll(directives);
        Map<String, String> p = new LinkedHashMap<>(aliasProperties);
        p.putAll(properties);
        return new BuildFlags(rebuild, dryRun, trace, verbose, quiet, offline, javaHome,
                mainClass != null ? mainClass : aliasMain, output, java.util.Collections.unmodifiableMap(p), List.copyOf(d),
                code, target, programArgs, consumed);
    }

    /** The properties as the program's JVM options. */
    List<String> propertyOptions() {
        return properties.entrySet().stream().map(e -> "-D" + e.getKey() + "=" + e.getValue()).toList();
    }

    static BuildFlags parse(String command, List<String> args, boolean allowOutput) throws UsageException {
        boolean rebuild = false;
        boolean dryRun = false;
        boolean trace = false;
        boolean verbose = false;
        boolean quiet = false;
        boolean offline = false;
        String javaHome = null;
        String mainClass = null;
        String output = null;
        Map<String, String> properties = new LinkedHashMap<>();
        List<Directives.Directive> directives = new ArrayList<>();
        String code = null;
        int i = 0;
        flags:
        for (; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("-") || a.equals("-")) {
                break;
            }
            // JBang's long flags also take their value as --flag=value.
            String inline = null;
            if (a.startsWith("--") && a.indexOf('=') > 2) {
                inline = a.substring(a.indexOf('=') + 1);
                a = a.substring(0, a.indexOf('='));
            }
            // JBang's short forms also take their value attached: -R-Xmx1g, -R=-Xmx1g, -C-g.
            if ((a.startsWith("-R") || a.startsWith("-C")) && a.length() > 2 && inline == null) {
                inline = a.substring(a.charAt(2) == '=' ? 3 : 2);
                a = a.substring(0, 2);
            }
            if (DIRECTIVE_FLAGS.containsKey(a)) {
                String value = inline != null ? inline : value(command, args, ++i, a);
                directives.add(new Directives.Directive(DIRECTIVE_FLAGS.get(a), value, a, 0));
                continue;
            }
            switch (a) {
                case "-a" -> rebuild = true;
                case "-n" -> dryRun = true;
                case "-x" -> trace = true;
                case "-v" -> verbose = true;
                case "-q" -> quiet = true;
                case "-offline" -> offline = true;
                case "-java" -> javaHome = value(command, args, ++i, a);
                case "-main", "--main" -> mainClass = inline != null ? inline : value(command, args, ++i, a);
                case "--fresh" -> rebuild = true;
                case "--offline" -> offline = true;
                case "--code" -> {
                    code = inline != null ? inline : value(command, args, ++i, a);
                    i++;
                    break flags; // the arguments after it are the program's
                }
                case "-o" -> {
                    if (!allowOutput) {
                        throw new UsageException(command + ": unknown flag -o (only build takes it)");
                    }
                    output = value(command, args, ++i, a);
                }
                case "--" -> {
                    i++;
                    break flags;
                }
                case "-D" -> property(command, value(command, args, ++i, a), properties);
                default -> {
                    if (!a.startsWith("-D")) {
                        throw new UsageException(command + ": unknown flag " + a);
                    }
                    property(command, a.substring(2), properties);
                }
            }
        }
        if (code != null) {
            return new BuildFlags(rebuild, dryRun, trace, verbose, quiet, offline, javaHome, mainClass, output,
                    java.util.Collections.unmodifiableMap(properties), List.copyOf(directives), code, "-",
                    List.copyOf(args.subList(Math.min(i, args.size()), args.size())), i);
        }
        if (i >= args.size()) {
            throw new UsageException(command + ": no target given (" + (command.equals("tool")
                    ? "group:artifact[:version] or a catalog name" : "a .java file or a directory") + ")");
        }
        return new BuildFlags(rebuild, dryRun, trace, verbose, quiet, offline, javaHome, mainClass, output,
                java.util.Collections.unmodifiableMap(properties), List.copyOf(directives), null, args.get(i),
                List.copyOf(args.subList(i + 1, args.size())), i + 1);
    }

    /** {@code name=value}, or {@code name} alone for an empty value, as java's -D takes it. */
    private static void property(String command, String definition, Map<String, String> into) throws UsageException {
        int eq = definition.indexOf('=');
        String name = eq < 0 ? definition : definition.substring(0, eq);
        if (name.isEmpty()) {
            throw new UsageException(command + ": -D" + definition + ": no property name (expected -Dname=value)");
        }
        into.put(name, eq < 0 ? "" : definition.substring(eq + 1));
    }

    private static String value(String command, List<String> args, int i, String flag) throws UsageException {
        if (i >= args.size()) {
            throw new UsageException(command + ": flag " + flag + " needs a value");
        }
        return args.get(i);
    }
}
