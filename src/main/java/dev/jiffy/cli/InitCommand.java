package dev.jiffy.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.SourceVersion;

/**
 * {@code jiffy init [-t hello|cli|test] File.java}: a new script from a template, runnable at
 * once ({@code jiffy run}, or {@code ./File.java}: its first line is a comment to Java and a
 * command to sh), never over an existing file; {@code jiffy init -list} names the templates.
 */
final class InitCommand {
    private record Template(String description, String text) {}

    private static final Map<String, Template> TEMPLATES = templates();

    private final PrintStream out;
    private final Path cwd;

    InitCommand(PrintStream out, Path cwd) {
        this.out = out;
        this.cwd = cwd;
    }

    int run(List<String> args) throws UsageException, Failure, IOException {
        if (args.equals(List.of("-list"))) {
            TEMPLATES.forEach((name, t) -> out.printf("%-6s %s%n", name, t.description()));
            return 0;
        }
        String template = "hello";
        int i = 0;
        if (!args.isEmpty() && args.get(0).equals("-t")) {
            if (args.size() < 2) {
                throw new UsageException("init: flag -t needs a value (" + String.join(", ", TEMPLATES.keySet()) + ")");
            }
            template = args.get(1);
            i = 2;
        }
        if (!TEMPLATES.containsKey(template)) {
            throw new UsageException("init: unknown template \"" + template + "\" (jiffy init -list: "
                    + String.join(", ", TEMPLATES.keySet()) + ")");
        }
        if (args.size() != i + 1 || args.get(i).startsWith("-")) {
            throw new UsageException("init: expected [-t template] File.java");
        }
        String target = args.get(i);
        Path file = cwd.resolve(target).normalize();
        String name = file.getFileName().toString();
        String className = name.endsWith(".java") ? name.substring(0, name.length() - 5) : name;
        if (!SourceVersion.isIdentifier(className) || SourceVersion.isKeyword(className)) {
            throw new Failure(1, target + ": \"" + className + "\" is not a Java class name; the file is named after its class");
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new Failure(1, target + ": already exists; jiffy init writes only new files");
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        String text = TEMPLATES.get(template).text().replace("NAME", className);
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new Failure(1, target + ": already exists; jiffy init writes only new files");
        }
        try {
            file.toFile().setExecutable(true, false);
        } catch (SecurityException e) {
            // runnable with jiffy run all the same
        }
        out.println("wrote " + target + (template.equals("test") ? "; run it with jiffy run " + target
                + ", test it with jiffy test " + target : "; run it with jiffy run " + target));
        return 0;
    }

    private static Map<String, Template> templates() {
        String shebang = "///usr/bin/env jiffy \"$0\" \"$@\" ; exit $?\n";
        Map<String, Template> t = new LinkedHashMap<>();
        t.put("hello", new Template("a class with a main method", shebang + """

                public class NAME {
                    public static void main(String[] args) {
                        System.out.println("Hello, " + (args.length > 0 ? String.join(" ", args) : "world") + "!");
                    }
                }
                """));
        t.put("cli", new Template("a command line with picocli: options, --help and --version", shebang + """
                //DEPS info.picocli:picocli:4.7.7

                import java.util.concurrent.Callable;
                import picocli.CommandLine;
                import picocli.CommandLine.Command;
                import picocli.CommandLine.Option;
                import picocli.CommandLine.Parameters;

                @Command(name = "NAME", mixinStandardHelpOptions = true, version = "NAME 0.1",
                        description = "Greets whoever it is told to.")
                public class NAME implements Callable<Integer> {
                    @Parameters(index = "0", defaultValue = "world", description = "who to greet")
                    private String who;

                    @Option(names = {"-n", "--times"}, defaultValue = "1", description = "how many times")
                    private int times;

                    @Override
                    public Integer call() {
                        for (int i = 0; i < times; i++) {
                            System.out.println("Hello, " + who + "!");
                        }
                        return 0;
                    }

                    public static void main(String[] args) {
                        System.exit(new CommandLine(new NAME()).execute(args));
                    }
                }
                """));
        t.put("test", new Template("a class and its JUnit tests in one file, for jiffy test", shebang + """
                //DEPS org.junit.jupiter:junit-jupiter:5.14.1

                import static org.junit.jupiter.api.Assertions.assertEquals;

                import org.junit.jupiter.api.Test;

                public class NAME {
                    static int add(int a, int b) {
                        return a + b;
                    }

                    public static void main(String[] args) {
                        System.out.println("2 + 3 = " + add(2, 3));
                    }
                }

                class NAMETest {
                    @Test
                    void addsTwoNumbers() {
                        assertEquals(5, NAME.add(2, 3));
                    }
                }
                """));
        return t;
    }
}
