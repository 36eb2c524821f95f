package dev.jiffy.cli;

import static dev.jiffy.harness.Jiffy.write;
import static dev.jiffy.harness.ResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jiffy.harness.Jiffy;
import dev.jiffy.harness.MavenRepo;
import dev.jiffy.harness.Result;
import dev.jiffy.harness.Sandbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a Maven project's compile does beyond javac on its sources: resources filtered as the
 * resources plugin filters them (from the pom, the model and the environment, which the run file
 * then checks), and annotation processors, from {@code annotationProcessorPaths} or found on the
 * class path, whose generated sources are compiled and whose generated resources are linked.
 */
class ProjectCompileIT {
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
        Map<String, byte[]> processor = new TreeMap<>(repo.compile(Map.of(
                "greet.Greet", """
                        package greet;

                        @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.SOURCE)
                        public @interface Greet {}
                        """,
                "greet.GreetProcessor", """
                        package greet;

                        import java.io.Writer;
                        import java.util.Set;
                        import javax.annotation.processing.AbstractProcessor;
                        import javax.annotation.processing.RoundEnvironment;
                        import javax.annotation.processing.SupportedAnnotationTypes;
                        import javax.lang.model.SourceVersion;
                        import javax.lang.model.element.Element;
                        import javax.lang.model.element.TypeElement;
                        import javax.tools.StandardLocation;

                        @SupportedAnnotationTypes("greet.Greet")
                        public class GreetProcessor extends AbstractProcessor {
                            @Override
                            public SourceVersion getSupportedSourceVersion() {
                                return SourceVersion.latestSupported();
                            }

                            @Override
                            public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
                                for (Element e : round.getElementsAnnotatedWith(Greet.class)) {
                                    String pkg = processingEnv.getElementUtils().getPackageOf(e).getQualifiedName().toString();
                                    String name = e.getSimpleName() + "Greeting";
                                    try (Writer w = processingEnv.getFiler().createSourceFile(pkg + "." + name, e).openWriter()) {
                                        w.write("package " + pkg + "; public class " + name
                                                + " { public static String text() { return \\"generated for " + e.getSimpleName() + "\\"; } }");
                                        try (Writer r = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "",
                                                "META-INF/greeted/" + e.getSimpleName(), e).openWriter()) {
                                            r.write("greeted " + e.getSimpleName());
                                        }
                                    } catch (java.io.IOException x) {
                                        throw new java.io.UncheckedIOException(x);
                                    }
                                }
                                return true;
                            }
                        }
                        """), List.of()));
        processor.put("META-INF/services/javax.annotation.processing.Processor",
                "greet.GreetProcessor\n".getBytes(StandardCharsets.UTF_8));
        repo.deploy("greet", "1.0", MavenRepo.jar(processor, Map.of()));
    }

    @AfterAll
    static void forget() throws Exception {
        repo.deleteLocalCopy();
    }

    private Path project(String build, String dependencies) throws Exception {
        Path app = work.resolve("app");
        write(app.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
                  <groupId>demo</groupId><artifactId>app</artifactId><version>2.5</version>
                  <name>Demo App</name>
                  <properties><maven.compiler.release>17</maven.compiler.release><word>Hello</word></properties>
                  <repositories><repository><id>fixture</id><url>%s</url></repository></repositories>
                  <dependencies>%s</dependencies>
                  <build>%s</build>
                </project>
                """.formatted(repo.url(), dependencies, build));
        return app;
    }

    @Test
    void aFilteredResourceReadsThePomTheModelAndTheEnvironment() throws Exception {
        Path app = project("""
                <resources>
                  <resource><directory>src/main/resources</directory><filtering>true</filtering>
                    <includes><include>*.properties</include></includes></resource>
                  <resource><directory>src/main/resources</directory>
                    <excludes><exclude>*.properties</exclude></excludes></resource>
                </resources>
                """, "");
        write(app.resolve("src/main/resources/app.properties"),
                "line=${word} from ${project.name} @project.version@ to ${env.AUDIENCE}, mail a@b.org, ${not.defined}\n");
        write(app.resolve("src/main/resources/raw.txt"), "${word} stays\n");
        write(app.resolve("src/main/java/app/Main.java"), """
                package app;

                public class Main {
                    public static void main(String[] args) throws Exception {
                        System.out.print(new String(Main.class.getResourceAsStream("/app.properties").readAllBytes()));
                        System.out.print(new String(Main.class.getResourceAsStream("/raw.txt").readAllBytes()));
                    }
                }
                """);
        Jiffy inApp = jiffy.in(app).with("AUDIENCE", "you");

        assertThat(inApp.run("run", ".")).printed(
                "line=Hello from Demo App 2.5 to you, mail a@b.org, ${not.defined}\n${word} stays\n");
        // Once the inputs are two seconds old there is a run file; it must notice the variable.
        Thread.sleep(2_100);
        assertThat(inApp.run("run", ".")).printed(
                "line=Hello from Demo App 2.5 to you, mail a@b.org, ${not.defined}\n${word} stays\n");
        assertThat(inApp.with("AUDIENCE", "them").run("run", ".")).printed(
                "line=Hello from Demo App 2.5 to them, mail a@b.org, ${not.defined}\n${word} stays\n");
    }

    private static final String USES_GREET = """
            package app;

            @greet.Greet
            public class Main {
                public static void main(String[] args) throws Exception {
                    System.out.println(MainGreeting.text() + ", "
                            + new String(Main.class.getResourceAsStream("/META-INF/greeted/Main").readAllBytes()));
                }
            }
            """;

    @Test
    void annotationProcessorsFromTheirPathGenerateSourcesAndResources() throws Exception {
        Path app = project("""
                <plugins><plugin><artifactId>maven-compiler-plugin</artifactId>
                  <configuration><annotationProcessorPaths>
                    <path><groupId>%s</groupId><artifactId>greet</artifactId><version>1.0</version></path>
                  </annotationProcessorPaths></configuration>
                </plugin></plugins>
                """.formatted(repo.group), repo.dependency("greet", "1.0").replace("</dependency>",
                "<scope>provided</scope></dependency>"));
        write(app.resolve("src/main/java/app/Main.java"), USES_GREET);

        Result r = jiffy.in(app).run("run", "-x", ".");

        assertThat(r).printed("generated for Main, greeted Main\n").compiled().hasNoStackTrace()
                .stderrContains("resolve " + repo.group + ":greet:1.0");
        assertThat(app.resolve("target")).doesNotExist();
    }

    @Test
    void annotationProcessorsOnTheClassPathRunAsJavacFindsThem() throws Exception {
        // From JDK 23, javac runs no processor it only finds on the class path, and neither does Maven.
        assumeTrue(Runtime.version().feature() < 23);
        Path app = project("", repo.dependency("greet", "1.0").replace("</dependency>",
                "<scope>provided</scope></dependency>"));
        write(app.resolve("src/main/java/app/Main.java"), USES_GREET);

        assertThat(jiffy.in(app).run("run", ".")).printed("generated for Main, greeted Main\n");
    }

    @Test
    void procNoneTurnsTheProcessorsOff() throws Exception {
        Path app = project("""
                <plugins><plugin><artifactId>maven-compiler-plugin</artifactId>
                  <configuration><proc>none</proc></configuration></plugin></plugins>
                """, repo.dependency("greet", "1.0").replace("</dependency>", "<scope>provided</scope></dependency>"));
        write(app.resolve("src/main/java/app/Main.java"), USES_GREET);

        Result r = jiffy.in(app).run("run", ".");

        assertThat(r).exitedWith(1).stderrContains("cannot find symbol").hasNoStackTrace();
    }

    @Test
    void aProcessorPathWithoutAVersionIsOneLineNamingThePom() throws Exception {
        Path app = project("""
                <plugins><plugin><artifactId>maven-compiler-plugin</artifactId>
                  <configuration><annotationProcessorPaths>
                    <path><groupId>%s</groupId><artifactId>greet</artifactId></path>
                  </annotationProcessorPaths></configuration>
                </plugin></plugins>
                """.formatted(repo.group), "");
        write(app.resolve("src/main/java/app/Main.java"), "package app; public class Main { public static void main(String[] a) {} }\n");

        Result r = jiffy.in(app).run("run", ".");

        assertThat(r).exitedWith(1).hasNoStackTrace().stderrLines().singleElement().asString()
                .startsWith("jiffy: pom.xml: annotationProcessorPaths").contains(repo.group + ":greet");
    }

    @Test
    void aModuleForANewerJavaIsBuiltAndRunOnAJdkThatHasIt() throws Exception {
        assumeTrue(Runtime.version().feature() < 21, "the JDK running the tests compiles for Java 21 already");
        assumeTrue(java.nio.file.Files.isExecutable(Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java")), "no JDK 25");
        Path app = project("", "");
        write(app.resolve("pom.xml"), java.nio.file.Files.readString(app.resolve("pom.xml"))
                .replace("<maven.compiler.release>17</maven.compiler.release>", "<maven.compiler.release>21</maven.compiler.release>"));
        write(app.resolve("src/main/java/app/Main.java"), """
                package app;

                public class Main {
                    public static void main(String[] args) {
                        System.out.println(Runtime.version().feature() >= 21 ? "on a new enough JDK" : "on an old JDK");
                    }
                }
                """);

        assertThat(jiffy.in(app).run("run", ".")).printed("on a new enough JDK\n");
    }

    @Test
    void aReleaseNoJdkHereHasIsOneLineNamingThePom() throws Exception {
        Path app = project("", "");
        write(app.resolve("pom.xml"), java.nio.file.Files.readString(app.resolve("pom.xml"))
                .replace("<maven.compiler.release>17</maven.compiler.release>", "<maven.compiler.release>99</maven.compiler.release>"));
        write(app.resolve("src/main/java/Main.java"), "public class Main { public static void main(String[] a) {} }\n");

        Result r = jiffy.in(app).run("run", ".");

        assertThat(r).exitedWith(1).hasNoStackTrace().stderrLines().singleElement().asString()
                .startsWith("jiffy: pom.xml: compiling for Java 99 needs JDK 99 or newer").contains("no JDK that does");
    }

    @Test
    void theProgramCarriesItsPomPropertiesAndRunsOnTheClassPathWithoutItsModuleDescriptor() throws Exception {
        Path app = project("", "");
        write(app.resolve("src/main/java/module-info.java"), "module demo.app { requires some.module.that.is.not.here; }\n");
        write(app.resolve("src/main/java/app/Main.java"), """
                package app;

                import java.util.Properties;

                public class Main {
                    public static void main(String[] args) throws Exception {
                        Properties p = new Properties();
                        p.load(Main.class.getResourceAsStream("/META-INF/maven/demo/app/pom.properties"));
                        System.out.println(p.getProperty("groupId") + ":" + p.getProperty("artifactId") + ":" + p.getProperty("version"));
                    }
                }
                """);

        assertThat(jiffy.in(app).run("run", ".")).printed("demo:app:2.5\n");
    }

    @Test
    void aCompileThatFailsInABuildThatGeneratesSourcesSaysThatJiffyRunsNoSuchPlugin() throws Exception {
        Path app = project("""
                <plugins><plugin><groupId>org.antlr</groupId><artifactId>antlr4-maven-plugin</artifactId>
                  <version>4.13.1</version><executions><execution><goals><goal>antlr4</goal></goals></execution></executions>
                </plugin></plugins>
                """, "");
        write(app.resolve("src/main/java/app/Main.java"),
                "package app; public class Main { public static void main(String[] a) { new app.grammar.CalcParser(); } }\n");

        Result r = jiffy.in(app).run("run", ".");

        assertThat(r).exitedWith(1).hasNoStackTrace().stderrContains("error: package app.grammar does not exist");
        assertThat(r.errLines()).last().isEqualTo("jiffy: pom.xml: its build runs antlr4-maven-plugin, which may generate"
                + " sources; jiffy runs no Maven plugin but the compiler and resources ones");
    }
}
