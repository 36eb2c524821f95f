package dev.jiffy.harness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * A Maven repository in a directory, in the standard layout a {@code file:} URL serves:
 * {@code group/dirs/artifact/version/artifact-version.jar} beside its pom and checksums, and the
 * {@code maven-metadata.xml} files the resolver reads for version ranges, newest releases and
 * SNAPSHOTs. Its jars are compiled from source by the test JVM's own javac. Every repository has
 * a random group, because the resolver copies what it downloads into the shared local repository.
 */
public final class MavenRepo {
    /** A fixed timestamp for SNAPSHOT metadata: what it is does not matter, only that it parses. */
    private static final String SNAPSHOT_STAMP = "20240102.030405";

    public final Path root;
    public final String group;
    private final Path work;
    private final Map<String, TreeSet<String>> versions = new LinkedHashMap<>();

    private MavenRepo(Path root, String group, Path work) {
        this.root = root;
        this.group = group;
        this.work = work;
    }

    /** A new, empty repository at {@code dir/repo}, with scratch space for compiling beside it. */
    public static MavenRepo create(Path dir) throws IOException {
        String group = "test.jiffy.g" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        return new MavenRepo(Files.createDirectories(dir.resolve("repo")), group,
                Files.createDirectories(dir.resolve("repo-work")));
    }

    /** The URL of the repository, as {@code //REPOS} takes it. */
    public String url() {
        return root.toUri().toString();
    }

    /** The {@code //REPOS} line of a script that resolves from this repository only. */
    public String reposLine() {
        return "//REPOS local=" + url();
    }

    /** {@code group:artifact:version} of an artifact in this repository. */
    public String gav(String artifact, String version) {
        return group + ":" + artifact + ":" + version;
    }

    /** Where the resolver copies this repository's artifacts: the user's local repository. */
    public Path localCopy() {
        return Path.of(System.getProperty("user.home"), ".m2", "repository").resolve(group.replace('.', '/'));
    }

    /**
     * Deploys the artifact {@code v} in each of {@code versions}: a class {@code <group>.v.V} whose
     * {@code version()} returns the version it was deployed as, so a program shows what it resolved.
     */
    public void deployVersioned(String... versions) throws IOException {
        for (String v : versions) {
            deploy("v", v, jar(compile(Map.of(group + ".v.V", "package " + group
                    + ".v; public class V { public static String version() { return \"" + v + "\"; } }"), List.of()), Map.of()));
        }
    }

    /** Removes what the resolver copied of this repository into the user's local repository. */
    public void deleteLocalCopy() throws IOException {
        deleteTree(localCopy());
    }

    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Compiles {@code sources} (class name to source text) against {@code classpath}: the class files by entry name. */
    public Map<String, byte[]> compile(Map<String, String> sources, List<Path> classpath) throws IOException {
        Path dir = Files.createTempDirectory(work, "javac");
        Path src = Files.createDirectories(dir.resolve("src"));
        Path out = Files.createDirectories(dir.resolve("out"));
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> s : sources.entrySet()) {
            Path file = src.resolve(s.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            files.add(Files.writeString(file, s.getValue()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = new ArrayList<>(List.of("-d", out.toString(), "--release", "17"));
        if (!classpath.isEmpty()) {
            options.add("-cp");
            options.add(String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        }
        StringWriter log = new StringWriter();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(log, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(files)).call();
            if (!ok) {
                throw new IllegalStateException("test sources do not compile: " + diagnostics.getDiagnostics() + log);
            }
        }
        Map<String, byte[]> classes = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                classes.put(out.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return classes;
    }

    /** A jar of {@code entries}, with a manifest of {@code attributes} (Manifest-Version is added). */
    public static byte[] jar(Map<String, byte[]> entries, Map<String, String> attributes) {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.forEach((k, v) -> mf.getMainAttributes().putValue(k, v));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, mf)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new JarEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A dependency element of a pom: {@code artifact:version} in this repository's group. */
    public String dependency(String artifact, String version) {
        return dependency(group, artifact, version, null);
    }

    public static String dependency(String group, String artifact, String version, String extra) {
        return "<dependency><groupId>" + group + "</groupId><artifactId>" + artifact + "</artifactId>"
                + (version == null ? "" : "<version>" + version + "</version>") + (extra == null ? "" : extra)
                + "</dependency>";
    }

    /**
     * Deploys a jar with a pom that depends on {@code dependencies} (dependency elements), and
     * returns the path of the jar in the repository.
     */
    public Path deploy(String artifact, String version, byte[] jar, String... dependencies) throws IOException {
        String pom = pom(artifact, version, "jar",
                dependencies.length == 0 ? "" : "<dependencies>" + String.join("", dependencies) + "</dependencies>");
        return deployFiles(artifact, version, jar, pom);
    }

    /** Deploys a BOM: a pom whose dependencyManagement pins {@code managed} (dependency elements). */
    public void deployBom(String artifact, String version, String... managed) throws IOException {
        String pom = pom(artifact, version, "pom",
                "<dependencyManagement><dependencies>" + String.join("", managed) + "</dependencies></dependencyManagement>");
        deployFiles(artifact, version, null, pom);
    }

    /** Deploys a pom alone, packaging pom, with {@code body} after its coordinates: a parent, a BOM. */
    public void deployPom(String artifact, String version, String body) throws IOException {
        deployFiles(artifact, version, null, pom(artifact, version, "pom", body));
    }

    private static String pom(String artifact, String version, String packaging, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
                + "  <modelVersion>4.0.0</modelVersion>\n"
                + "  <groupId>%s</groupId>\n  <artifactId>" + artifact + "</artifactId>\n  <version>" + version + "</version>\n"
                + "  <packaging>" + packaging + "</packaging>\n  " + body + "\n</project>\n";
    }

    private Path deployFiles(String artifact, String version, byte[] jar, String pomTemplate) throws IOException {
        byte[] pom = pomTemplate.formatted(group).getBytes(StandardCharsets.UTF_8);
        Path artifactDir = root.resolve(group.replace('.', '/')).resolve(artifact);
        Path dir = Files.createDirectories(artifactDir.resolve(version));
        String fileVersion = version;
        if (version.endsWith("-SNAPSHOT")) {
            String base = version.substring(0, version.length() - "-SNAPSHOT".length());
            fileVersion = base + "-" + SNAPSHOT_STAMP + "-1";
            writeWithChecksum(dir.resolve("maven-metadata.xml"), snapshotMetadata(artifact, version, fileVersion, jar != null));
        }
        Path jarFile = dir.resolve(artifact + "-" + fileVersion + ".jar");
        if (jar != null) {
            writeWithChecksum(jarFile, jar);
        }
        writeWithChecksum(dir.resolve(artifact + "-" + fileVersion + ".pom"), pom);
        TreeSet<String> all = versions.computeIfAbsent(artifact, a -> new TreeSet<>(MavenRepo::compareVersions));
        all.add(version);
        writeWithChecksum(artifactDir.resolve("maven-metadata.xml"), artifactMetadata(artifact, all));
        return jarFile;
    }

    private byte[] artifactMetadata(String artifact, TreeSet<String> all) {
        String release = all.descendingSet().stream().filter(v -> !v.endsWith("-SNAPSHOT")).findFirst().orElse(null);
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<metadata>\n")
                .append("  <groupId>").append(group).append("</groupId>\n  <artifactId>").append(artifact).append("</artifactId>\n")
                .append("  <versioning>\n    <latest>").append(all.last()).append("</latest>\n");
        if (release != null) {
            b.append("    <release>").append(release).append("</release>\n");
        }
        b.append("    <versions>\n");
        all.forEach(v -> b.append("      <version>").append(v).append("</version>\n"));
        b.append("    </versions>\n    <lastUpdated>20240102030405</lastUpdated>\n  </versioning>\n</metadata>\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] snapshotMetadata(String artifact, String version, String fileVersion, boolean hasJar) {
        String updated = SNAPSHOT_STAMP.replace(".", "");
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<metadata modelVersion=\"1.1.0\">\n")
                .append("  <groupId>").append(group).append("</groupId>\n  <artifactId>").append(artifact).append("</artifactId>\n")
                .append("  <version>").append(version).append("</version>\n  <versioning>\n")
                .append("    <snapshot><timestamp>").append(SNAPSHOT_STAMP).append("</timestamp><buildNumber>1</buildNumber></snapshot>\n")
                .append("    <lastUpdated>").append(updated).append("</lastUpdated>\n    <snapshotVersions>\n");
        for (String ext : hasJar ? List.of("jar", "pom") : List.of("pom")) {
            b.append("      <snapshotVersion><extension>").append(ext).append("</extension><value>").append(fileVersion)
                    .append("</value><updated>").append(updated).append("</updated></snapshotVersion>\n");
        }
        b.append("    </snapshotVersions>\n  </versioning>\n</metadata>\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void writeWithChecksum(Path file, byte[] content) throws IOException {
        Files.write(file, content);
        Files.writeString(file.resolveSibling(file.getFileName() + ".sha1"), digest("SHA-1", content));
    }

    private static String digest(String algorithm, byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Numeric parts compare as numbers, so 1.10 comes after 1.9, as in Maven. Enough for tests. */
    private static int compareVersions(String a, String b) {
        String[] x = a.split("[.-]");
        String[] y = b.split("[.-]");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].matches("\\d+") && y[i].matches("\\d+")
                    ? Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i])) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
