package dev.jiffy.cli;

import static dev.jiffy.harness.Jiffy.write;
import static dev.jiffy.harness.ResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.harness.Jiffy;
import dev.jiffy.harness.MavenRepo;
import dev.jiffy.harness.Result;
import dev.jiffy.harness.Sandbox;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertPath;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipFile;
import jdk.security.jarsigner.JarSigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * //DEPS through the real Maven Resolver, from a file repository the tests deploy jars into:
 * what Maven resolves (transitive dependencies, BOMs, SNAPSHOTs, version ranges) is what the
 * program gets, and the fat executable keeps what the jars need (merged services files,
 * Multi-Release classes) while dropping what would break it (signatures).
 */
class DepsResolutionIT {
    @TempDir
    static Path shared;
    static MavenRepo repo;

    @RegisterExtension
    final Sandbox sandbox = new Sandbox();
    final Path work = sandbox.work();
    final Jiffy jiffy = sandbox.jiffy();

    @BeforeAll
    static void deploy() throws Exception {
        repo = MavenRepo.create(shared.toRealPath());
        String g = repo.group;
        repo.deploy("b", "1.0", MavenRepo.jar(repo.compile(Map.of(g + ".b.B",
                "package " + g + ".b; public class B { public static String name() { return \"B\"; } }"), List.of()), Map.of()));
        repo.deploy("a", "1.0", MavenRepo.jar(repo.compile(Map.of(g + ".a.A",
                "package " + g + ".a; public class A { public static String hello() { return \"A uses \" + " + g + ".b.B.name(); } }"),
                List.of(repo.root.resolve(g.replace('.', '/') + "/b/1.0/b-1.0.jar"))), Map.of()),
                repo.dependency("b", "1.0"));

        repo.deployVersioned("1.0", "1.5", "2.0", "2.1-SNAPSHOT");
        repo.deployBom("bom", "1", repo.dependency("v", "2.0"));
    }

    @AfterAll
    static void removeLocalCopy() throws Exception {
        repo.deleteLocalCopy();
    }

    /** A script that prints what {@code <group>.v.V.version()} returns, with these directives. */
    private Path versionScript(String... directives) throws Exception {
        return write(work.resolve("Which.java"), String.join("\n", directives) + "\n" + repo.reposLine() + "\n"
                + "public class Which { public static void main(String[] args) { System.out.println("
                + repo.group + ".v.V.version()); } }\n");
    }

    @Test
    void transitiveDependencyComesFromThePom() throws Exception {
        write(work.resolve("Uses.java"), "//DEPS " + repo.gav("a", "1.0") + "\n" + repo.reposLine() + "\n"
                + "public class Uses { public static void main(String[] args) {\n"
                + "  System.out.println(" + repo.group + ".a.A.hello());\n"
                // B is on the compile class path too: it is part of the program.
                + "  System.out.println(" + repo.group + ".b.B.name());\n"
                + "} }\n");
        Result r = jiffy.run("run", "Uses.java");
        assertThat(r).succeeded().printed("A uses B\nB\n");
        // It downloaded, but stderr is not a terminal: no progress bar.
        assertThat(r).stderr().isEmpty();

        Result info = jiffy.run("build", "-x", "Uses.java");
        Result m = jiffy.run("version", "-m", info.executable().toString());
        assertThat(m).stdout().contains(repo.gav("a", "1.0"), repo.gav("b", "1.0"));
    }

    @Test
    void bomManagesTheVersionOfADependencyWithoutOne() throws Exception {
        versionScript("//DEPS " + repo.gav("bom", "1") + "@pom", "//DEPS " + repo.group + ":v");
        Result r = jiffy.run("run", "Which.java");
        assertThat(r).succeeded().printed("2.0\n");
    }

    @Test
    void versionRangePicksTheNewestReleaseInTheRange() throws Exception {
        versionScript("//DEPS " + repo.gav("v", "[1.0,2.0)"));
        Result r = jiffy.run("run", "Which.java");
        assertThat(r).succeeded().printed("1.5\n");
    }

    @Test
    void snapshotResolvesToItsTimestampedBuildAndIsHashed() throws Exception {
        versionScript("//DEPS " + repo.gav("v", "2.1-SNAPSHOT"));
        Result r = jiffy.run("build", "-x", "Which.java");
        assertThat(r).succeeded();
        Result run = jiffy.exec(List.of(r.executable().toString()), new byte[0]);
        assertThat(run).printed("2.1-SNAPSHOT\n");

        // A SNAPSHOT can change under its name, so the build info names its content too.
        Result m = jiffy.run("version", "-m", r.executable().toString());
        assertThat(m).stdout().containsPattern("dep\\s+" + repo.group.replace(".", "\\.")
                + ":v:2\\.1-20240102\\.030405-1\\s+[0-9a-f]{64}");
    }

    @Test
    void servicesFilesOfTwoJarsAreMergedAndMultiReleaseClassesKept() throws Exception {
        String g = repo.group;
        Path api = repo.deploy("svc-api", "1.0", MavenRepo.jar(repo.compile(Map.of(g + ".api.Greeter",
                "package " + g + ".api; public interface Greeter { String greet(); }"), List.of()), Map.of()));
        for (String name : new String[] {"One", "Two"}) {
            Map<String, byte[]> entries = new TreeMap<>(repo.compile(Map.of(
                    g + ".impl" + name + "." + name, "package " + g + ".impl" + name + "; public class " + name
                            + " implements " + g + ".api.Greeter { public String greet() { return \"" + name + "\"; } }",
                    // The same class in both jars: the first on the class path wins, and -v says so.
                    g + ".shared.Twice", "package " + g + ".shared; public class Twice { public static String from() { return \""
                            + name + "\"; } }"),
                    List.of(api)));
            entries.put("META-INF/services/" + g + ".api.Greeter",
                    ("# implementation\n" + g + ".impl" + name + "." + name + "\n").getBytes(StandardCharsets.UTF_8));
            repo.deploy("svc-" + name.toLowerCase(), "1.0", MavenRepo.jar(entries, Map.of()), repo.dependency("svc-api", "1.0"));
        }
        // A Multi-Release jar: Java 17 must see the class under META-INF/versions/17.
        Map<String, byte[]> mr = new TreeMap<>(repo.compile(Map.of(g + ".mr.Feature",
                "package " + g + ".mr; public class Feature { public static String level() { return \"base\"; } }"), List.of()));
        repo.compile(Map.of(g + ".mr.Feature",
                "package " + g + ".mr; public class Feature { public static String level() { return \"17\"; } }"), List.of())
                .forEach((name, bytes) -> mr.put("META-INF/versions/17/" + name, bytes));
        repo.deploy("mr", "1.0", MavenRepo.jar(mr, Map.of("Multi-Release", "true")));

        write(work.resolve("Greet.java"), "//DEPS " + repo.gav("svc-one", "1.0") + " " + repo.gav("svc-two", "1.0") + "\n"
                + "//DEPS " + repo.gav("mr", "1.0") + "\n" + repo.reposLine() + "\n"
                + "import java.util.*;\n"
                + "public class Greet { public static void main(String[] args) {\n"
                + "  List<String> names = new ArrayList<>();\n"
                + "  ServiceLoader.load(" + g + ".api.Greeter.class).forEach(s -> names.add(s.greet()));\n"
                + "  Collections.sort(names);\n"
                + "  System.out.println(names + \" \" + " + g + ".shared.Twice.from() + \" \" + " + g + ".mr.Feature.level());\n"
                + "} }\n");
        Result r = jiffy.run("run", "-v", "Greet.java");
        assertThat(r).succeeded().printed("[One, Two] One 17\n").stderrLines()
                .anyMatch(l -> l.contains("duplicate class " + g.replace('.', '/') + "/shared/Twice.class"));
    }

    @Test
    void signedJarRunsWithItsSignatureDropped() throws Exception {
        String g = repo.group;
        byte[] unsigned = MavenRepo.jar(repo.compile(Map.of(g + ".signed.S",
                "package " + g + ".signed; public class S { public static String ok() { return \"signed ok\"; } }"), List.of()), Map.of());
        // A real signature: kept in the fat jar, its digest of the manifest would not match
        // jiffy's manifest, and the JVM would refuse to load the class.
        Path keystore = sandbox.dir().resolve("keys.p12");
        Path javaHome = Path.of(System.getProperty("java.home"));
        Result keytool = jiffy.exec(List.of(javaHome.resolve("bin/keytool").toString(), "-genkeypair", "-keystore",
                keystore.toString(), "-storepass", "secret1", "-alias", "test", "-dname", "CN=jiffy test", "-keyalg", "EC",
                "-validity", "2"), new byte[0]);
        assertThat(keytool).succeeded();
        KeyStore ks = KeyStore.getInstance(keystore.toFile(), "secret1".toCharArray());
        PrivateKey key = (PrivateKey) ks.getKey("test", "secret1".toCharArray());
        CertPath chain = CertificateFactory.getInstance("X.509").generateCertPath(List.of(ks.getCertificateChain("test")));
        Path unsignedJar = Files.write(sandbox.dir().resolve("unsigned.jar"), unsigned);
        ByteArrayOutputStream signed = new ByteArrayOutputStream();
        try (ZipFile zip = new ZipFile(unsignedJar.toFile())) {
            new JarSigner.Builder(key, chain).signerName("FOO").build().sign(zip, signed);
        }
        Path jar = repo.deploy("signed", "1.0", signed.toByteArray());
        try (JarFile j = new JarFile(jar.toFile())) {
            assertThat(j.getEntry("META-INF/FOO.SF")).isNotNull();
            assertThat(j.getEntry("META-INF/FOO.EC")).isNotNull();
        }

        write(work.resolve("Signed.java"), "//DEPS " + repo.gav("signed", "1.0") + "\n" + repo.reposLine() + "\n"
                + "public class Signed { public static void main(String[] args) { System.out.println(" + g + ".signed.S.ok()); } }\n");
        Result r = jiffy.run("build", "-x", "Signed.java");
        assertThat(r).succeeded();
        Result run = jiffy.exec(List.of(r.executable().toString()), new byte[0]);
        assertThat(run).succeeded().printed("signed ok\n");
        try (JarFile exe = new JarFile(r.executable().toFile())) {
            assertThat(exe.stream().map(JarEntry::getName)).as("signature files")
                    .noneMatch(n -> n.startsWith("META-INF/FOO."));
        }
    }
}
