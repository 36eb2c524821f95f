package dev.jiffy.cli;

import dev.jiffy.junit.ModuleTest;
import dev.jiffy.junit.TestJson;
import dev.jiffy.project.BuildFile;
import dev.jiffy.run.Handoff;
import dev.jiffy.run.JdkSwitch;
import dev.jiffy.run.RunException;
import dev.jiffy.run.RunFiles;
import dev.jiffy.run.StatManifest;
import dev.jiffy.run.TestRunFile;
import dev.jiffy.run.ToolCode;
import dev.jiffy.work.BuildException;
import dev.jiffy.work.BuildRequest;
import dev.jiffy.work.Builder;
import dev.jiffy.work.Jdk;
import dev.jiffy.work.ProjectBuilder;
import dev.jiffy.work.Target;
import dev.jiffy.work.TestClassPath;
import dev.jiffy.work.WarmCompiles;
import dev.jiffy.work.WrongJdkException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code jiffy test [flags] [module...]}: each module's tests compiled and run on the JUnit
 * Platform in a child JVM, one line per module as {@code go test} prints one per package, exit
 * 1 if any failed or could not run. {@code -java} and a module for a newer Java re-run jiffy on
 * another JDK through the launcher, as for {@code run}.
 */
final class TestCommand {
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Path cwd;
    private final Clock clock;
    private final Settings settings;
    private final WarmCompiles compiles;

    TestCommand(PrintStream out, PrintStream err, Map<String, String> env, Path cwd, Clock clock, Settings settings,
            WarmCompiles compiles) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.cwd = cwd;
        this.clock = clock;
        this.settings = settings;
        this.compiles = compiles;
    }

    int run(List<String> args) throws UsageException, Failure, RunException, IOException {
        TestFlags flags = TestFlags.parse(args);
        ConsoleReporter reporter = new ConsoleReporter(err, flags.build(), settings, "1".equals(env.get("JIFFY_STDERR_TTY")));
        JdkSwitch jdkSwitch = new JdkSwitch(env, Handoff.from(env));
        if (flags.build().javaHome() != null && !Jdk.current().isHome(Path.of(flags.build().javaHome()))) {
            return jdkSwitch.to(flags.build().javaHome());
        }
        java.time.Instant started = clock.instant();
        List<Future<ModuleTest.Outcome>> results = new ArrayList<>();
        List<TestClassPath> built = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        try (CacheSession session = CacheSession.open(settings, clock, reporter)) {
            String toolVersion = ToolCode.version(session.root(), clock);
            String expiry = session.root() == null ? null : TestRunFile.expiryStamp(session.root());
            // The stat manifest kept beside the run file: sources unchanged since the last run are not read again.
            String key = TestRunFile.key(env.get("PWD"));
            StatManifest manifest = StatManifest.load(session.root() != null && key != null
                    ? RunFiles.manifestLocation(session.root(), key) : null, toolVersion);
            dev.jiffy.cache.Cache cache = session.buildCache(!flags.build().dryRun() && !offline(flags));
            ProjectBuilder builder = new ProjectBuilder(cache, Jdk.current(), toolVersion, cwd, reporter, manifest, compiles);
            Builder scripts = new Builder(cache, Jdk.current(), toolVersion, cwd, reporter, manifest, clock, compiles);
            // Modules are built one by one, then their test JVMs run side by side, up to a core each;
            // the results are printed in the modules' order.
            for (Unit unit : units(flags, builder)) {
                String target = unit.pom() == null ? unit.script() : display(unit.pom().getParent());
                Path temp = Files.createTempDirectory("jiffy-test-");
                TestClassPath tests;
                try {
                    tests = unit.pom() != null
                            ? builder.tests(unit.pom(), flags.build().rebuild(), flags.build().dryRun(), offline(flags), env, temp)
                            : scripts.tests(new BuildRequest(Target.resolve(cwd, unit.script()), null, flags.build().rebuild(),
                                    flags.build().dryRun(), offline(flags), env, Map.of()), temp);
                } catch (BuildException e) {
                    ScratchDirectory.remove(temp);
                    if (!e.getMessage().isEmpty()) {
                        err.println("jiffy: " + e.getMessage());
                    }
                    results.add(CompletableFuture.completedFuture(new ModuleTest.Outcome("FAIL\t" + target + " [build failed]\n",
                            false)));
                    continue;
                } catch (WrongJdkException e) {
                    ScratchDirectory.remove(temp);
                    pool.shutdownNow();
                    return jdkSwitch.forDirective(e);
                }
                if (tests == null || flags.build().dryRun()) {
                    ScratchDirectory.remove(temp);
                    continue;
                }
                List<Path> ignored = new ArrayList<>(List.of(tests.jdk().home(),
                        Path.of(System.getProperty("user.home"), ".m2", "repository"), ToolCode.location()));
                if (session.root() != null) {
                    ignored.add(session.root());
                }
                built.add(tests);
                ModuleTest.Options options = new ModuleTest.Options(flags.verbose(), flags.run(), flags.failFast(),
                        flags.timeout(), List.of(), flags.junitXml() == null ? null : cwd.resolve(flags.junitXml()));
                results.add(pool.submit(() -> {
                    try {
                        // Results stay in the local cache, as another machine's files are not these, unless
                        // JIFFY_REMOTE_TESTS says they are (CI runners that check out to one path).
                        return ModuleTest.run(tests, options, ToolCode.location(), childEnv(tests.directory()),
                                settings.remoteTests() ? cache : session.localCache(), session.root(), flags.fresh(), ignored, clock, reporter, temp);
                    } finally {
                        ScratchDirectory.remove(temp);
                    }
                }));
            }
            manifest.saveQuietly(clock);
            boolean failed = false;
            List<ModuleTest.Outcome> outcomes = new ArrayList<>();
            for (Future<ModuleTest.Outcome> result : results) {
                ModuleTest.Outcome outcome = result.get();
                out.print(flags.json() ? TestJson.of(outcome.text(), clock.instant()) : outcome.text());
                out.flush();
                failed |= !outcome.passed();
                outcomes.add(outcome);
            }
            if (!failed) {
                writeRunFile(args, flags, session.root(), expiry, built, outcomes, started, reporter);
            }
            return failed ? 1 : 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(1, "interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException(String.valueOf(cause.getMessage()), cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Leaves a run file that replays these results while nothing changes, unless a flag asks for
     * work ({@code -a}, {@code -count=1}, {@code -junitxml}). Under {@code -x} it is written for
     * the same arguments without {@code -x}, which the launcher never serves from a run file.
     */
    private void writeRunFile(List<String> args, TestFlags flags, Path cacheRoot, String expiry, List<TestClassPath> built,
            List<ModuleTest.Outcome> outcomes, java.time.Instant started, ConsoleReporter reporter) {
        String key = TestRunFile.key(env.get("PWD"));
        String sum = env.get(TestRunFile.ENV_SUM);
        if (cacheRoot == null || key == null || sum == null || outcomes.isEmpty() || flags.build().rebuild()
                || flags.fresh() || flags.junitXml() != null || flags.json() || env.containsKey(JdkSwitch.SWITCHED_FROM)) {
            return;
        }
        try {
            String why = TestRunFile.write(cacheRoot, key, expiry, sum, args.stream().filter(a -> !a.equals("-x")).toList(), built,
                    outcomes, started);
            reporter.step(why == null ? "test run file written" : "no test run file: " + why);
        } catch (IOException e) {
            reporter.step("no test run file: " + e.getMessage());
        }
    }

    /** What a target names: a module's pom, or a script or source directory (as its argument). */
    private record Unit(Path pom, String script) {}

    /**
     * What the targets name: a directory's module, with {@code /...} every module of the reactor
     * below it, or a {@code .java} file or a directory outside any project, whose classes hold tests.
     */
    private List<Unit> units(TestFlags flags, ProjectBuilder builder) throws Failure, IOException {
        List<Unit> units = new ArrayList<>();
        for (String target : flags.targets()) {
            boolean below = target.equals("...") || target.endsWith("/...");
            Path dir = cwd.resolve(below ? target.substring(0, target.length() - 3) : target).normalize();
            Path pom = Files.isDirectory(dir) ? BuildFile.projectPom(dir) : null;
            if (pom == null && below && Files.isDirectory(dir)) {
                BuildFile nearest = BuildFile.nearest(dir);
                pom = nearest != null && nearest.kind() == BuildFile.Kind.MAVEN ? nearest.file() : null;
            }
            if (pom == null && below) {
                throw new Failure(1, target + ": not in a Maven project; dir/... names every module of the reactor below dir");
            }
            if (pom == null) {
                units.add(new Unit(null, target)); // a script or a plain directory: Target says what is wrong with it
            } else if (!below) {
                units.add(new Unit(pom, null));
            } else {
                try {
                    builder.modulesBelow(pom, dir, offline(flags), env).forEach(p -> units.add(new Unit(p, null)));
                } catch (BuildException e) {
                    throw new Failure(1, e.getMessage());
                }
            }
        }
        return units;
    }

    /** A module's directory as a user names it: relative to the current directory when below it. */
    private String display(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        return d.equals(cwd) ? "." : d.startsWith(cwd) ? cwd.relativize(d).toString() : d.toString();
    }

    private boolean offline(TestFlags flags) {
        return flags.build().offline() || settings.offline();
    }

    /** The test JVM's environment: the user's, without jiffy's settings, in the module's directory. */
    private Map<String, String> childEnv(Path module) {
        Map<String, String> e = new HashMap<>(env);
        // jiffy's own settings and channels: where results are kept is no input of the tests, and
        // a runner with a cache of its own can share a result through the remote tier.
        e.keySet().removeIf(name -> name.startsWith("JIFFY_"));
        e.put("PWD", module.toString());
        return e;
    }
}
