package dev.jiffy.cli;

import dev.jiffy.cache.Sha256;
import dev.jiffy.deps.Coordinate;
import dev.jiffy.deps.Repository;
import dev.jiffy.work.BuildException;
import dev.jiffy.work.ScriptLayout;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code jiffy edit File.java [DIR]}: a Maven project that an IDE opens with full completion: a
 * pom.xml with the script's {@code //DEPS} (BOMs imported), {@code //REPOS}, Java release and
 * javac options, and its sources and {@code //FILES} linked into {@code src/main}, not copied,
 * so that edits land in the script. In the cache ({@code edit/}) unless DIR is given; running it
 * again brings the pom and the links in step with the directives. Prints the directory.
 */
final class EditCommand {
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");

    private final PrintStream out;
    private final Map<String, String> env;
    private final Path cwd;

    EditCommand(PrintStream out, Map<String, String> env, Path cwd) {
        this.out = out;
        this.env = env;
        this.cwd = cwd;
    }

    int run(List<String> args) throws UsageException, Failure, IOException {
        if (args.isEmpty() || args.size() > 2 || args.get(0).startsWith("-")) {
            throw new UsageException("edit: expected File.java [DIR]");
        }
        String script = args.get(0);
        Path file = cwd.resolve(script).normalize();
        if (!Files.isRegularFile(file) || !script.endsWith(".java")) {
            throw new Failure(1, "edit " + script + ": not a .java script (jiffy edit makes a Maven project of one)");
        }
        ScriptLayout layout;
        try {
            layout = ScriptLayout.read(cwd, script, env, Map.of());
        } catch (BuildException e) {
            throw new Failure(1, e.getMessage());
        }
        String name = file.getFileName().toString().replaceFirst("\\.java$", "");
        Path dir;
        if (args.size() == 2) {
            dir = cwd.resolve(args.get(1)).normalize();
        } else {
            Settings settings = Settings.from(env);
            if (!settings.cacheEnabled()) {
                throw new Failure(1, "edit " + script + ": JIFFY_CACHE=off leaves no place for the project; name a DIR");
            }
            String key = Sha256.of(file.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 12);
            dir = settings.cacheDir().resolve("edit").resolve(name + "-" + key);
        }
        if (Files.exists(dir.resolve("pom.xml")) && !Files.readString(dir.resolve("pom.xml")).contains(MARK)) {
            throw new Failure(1, dir.resolve("pom.xml") + ": exists and jiffy edit did not write it");
        }
        Path java = dir.resolve("src/main/java");
        Path resources = dir.resolve("src/main/resources");
        removeLinks(dir.resolve("src/main"));
        for (Map.Entry<String, Path> s : layout.sources().entrySet()) {
            Path source = s.getValue();
            Matcher pkg = PACKAGE.matcher(Files.readString(source, StandardCharsets.UTF_8));
            Path where = pkg.find() ? java.resolve(pkg.group(1).replace('.', '/')) : java;
            link(where.resolve(source.getFileName()), source);
        }
        for (Map.Entry<String, Path> r : layout.resources().entrySet()) {
            link(resources.resolve(r.getKey()), r.getValue());
        }
        Files.writeString(dir.resolve("pom.xml"), pom(name, layout), StandardCharsets.UTF_8);
        out.println(dir);
        return 0;
    }

    private static final String MARK = "<!-- written by jiffy edit";

    /** The links of an earlier run go, so that a //SOURCES line removed since is gone from the project too. */
    private static void removeLinks(Path main) throws IOException {
        if (!Files.isDirectory(main)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(main)) {
            for (Path p : walk.filter(Files::isSymbolicLink).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void link(Path link, Path target) throws IOException {
        Files.createDirectories(link.getParent());
        if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(link);
        }
        Files.createSymbolicLink(link, target);
    }

    private String pom(String name, ScriptLayout layout) {
        var d = layout.directives();
        String release = d.javaVersion() != null ? d.javaVersion().replace("+", "")
                : Integer.toString(Runtime.version().feature());
        StringBuilder deps = new StringBuilder();
        StringBuilder boms = new StringBuilder();
        for (Coordinate c : d.dependencies()) {
            if (c.type().equals("pom")) {
                boms.append(dependency(c, "      "));
            } else {
                deps.append(dependency(c, "    "));
            }
        }
        StringBuilder repos = new StringBuilder();
        int n = 0;
        for (Repository r : d.repositories()) {
            n++;
            repos.append("    <repository>\n      <id>").append(xml(r.id() != null ? r.id() : "repo" + n)).append("</id>\n")
                    .append("      <url>").append(xml(r.url())).append("</url>\n    </repository>\n");
        }
        StringBuilder javac = new StringBuilder();
        for (String o : d.javacOptions()) {
            javac.append("            <arg>").append(xml(o)).append("</arg>\n");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + MARK + " from " + xml(layout.sources().values().iterator().next().toString())
                + "; jiffy edit writes it again -->\n"
                + "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
                + "  <modelVersion>4.0.0</modelVersion>\n"
                + "  <groupId>jiffy.edit</groupId>\n"
                + "  <artifactId>" + xml(name.toLowerCase(java.util.Locale.ROOT)) + "</artifactId>\n"
                + "  <version>0</version>\n"
                + "  <properties>\n"
                + "    <maven.compiler.release>" + xml(release) + "</maven.compiler.release>\n"
                + "    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>\n"
                + "  </properties>\n"
                + (repos.isEmpty() ? "" : "  <repositories>\n" + repos + "  </repositories>\n")
                + (boms.isEmpty() ? "" : "  <dependencyManagement>\n    <dependencies>\n" + boms
                        + "    </dependencies>\n  </dependencyManagement>\n")
                + (deps.isEmpty() ? "" : "  <dependencies>\n" + deps + "  </dependencies>\n")
                + (javac.isEmpty() ? "" : "  <build>\n    <plugins>\n      <plugin>\n"
                        + "        <artifactId>maven-compiler-plugin</artifactId>\n        <configuration>\n"
                        + "          <compilerArgs>\n" + javac + "          </compilerArgs>\n"
                        + "        </configuration>\n      </plugin>\n    </plugins>\n  </build>\n")
                + "</project>\n";
    }

    /** One {@code <dependency>}, a BOM as an import, indented by {@code in}. */
    private static String dependency(Coordinate c, String in) {
        StringBuilder b = new StringBuilder(in).append("<dependency>\n")
                .append(in).append("  <groupId>").append(xml(c.groupId())).append("</groupId>\n")
                .append(in).append("  <artifactId>").append(xml(c.artifactId())).append("</artifactId>\n");
        if (c.version() != null) {
            b.append(in).append("  <version>").append(xml(c.version())).append("</version>\n");
        }
        if (c.classifier() != null) {
            b.append(in).append("  <classifier>").append(xml(c.classifier())).append("</classifier>\n");
        }
        if (c.type().equals("pom")) {
            b.append(in).append("  <type>pom</type>\n").append(in).append("  <scope>import</scope>\n");
        } else if (!c.type().equals("jar")) {
            b.append(in).append("  <type>").append(xml(c.type())).append("</type>\n");
        }
        return b.append(in).append("</dependency>\n").toString();
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
