package dev.jiffy.cli;

import dev.jiffy.run.RunException;
import dev.jiffy.work.WarmCompiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The command line. Streams, environment, working directory and clock come in from outside,
 * so that tests run the whole CLI in-process; {@link #run} returns the exit status. This is the
 * one place where failures become one line for the user.
 */
public final class Main {
    static final String USAGE = "usage: jiffy <run|build|test|tool|cache|clean|trust|daemon|init|edit|install|uninstall|env|version|completion|help> [arguments]";

    private final java.io.InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Path cwd;
    private final Clock clock;
    private final WarmCompiles compiles;

    public Main(PrintStream out, PrintStream err, Map<String, String> env, Path cwd, Clock clock) {
        this(java.io.InputStream.nullInputStream(), out, err, env, cwd, clock);
    }

    public Main(java.io.InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Path cwd, Clock clock) {
        this(in, out, err, env, cwd, clock, WarmCompiles.none());
    }

    /** @param compiles the compiles a long-lived JVM remembers from one command to the next */
    public Main(java.io.InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Path cwd, Clock clock,
            WarmCompiles compiles) {
        this.compiles = compiles;
        this.in = in;
        this.out = out;
        this.err = err;
        this.env = env;
        this.cwd = cwd;
        this.clock = clock;
    }

    public static void main(String[] args) {
        Main main = new Main(System.in, System.out, System.err, System.getenv(), Path.of("").toAbsolutePath(), Clock.systemUTC());
        int status = main.run(args);
        if (RemoteWarmUp.wanted()) {
            RemoteWarmUp.run();
            ProjectWarmUp.run();
        }
        System.exit(status);
    }

    public int run(String... args) {
        boolean debug = Settings.flag(env, "JIFFY_DEBUG");
        try {
            return dispatch(Arrays.asList(args));
        } catch (UsageException e) {
            err.println("jiffy: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (Failure e) {
            err.println("jiffy: " + e.getMessage());
            return e.exitCode();
        } catch (RunException e) {
            err.println("jiffy: " + e.getMessage());
            return e.exitCode();
        } catch (IOException | RuntimeException e) {
            err.println("jiffy: " + Messages.describe(e));
            if (debug) {
                e.printStackTrace(err);
            }
            return 1;
        } catch (Error e) {
            // A broken installation (a missing jar: NoClassDefFoundError) or an exhausted JVM.
            err.println("jiffy: internal error: " + Messages.describe(e) + (debug ? "" : " (JIFFY_DEBUG=1 for details)"));
            if (debug) {
                e.printStackTrace(err);
            }
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int dispatch(List<String> args) throws UsageException, Failure, RunException, IOException {
        if (args.isEmpty()) {
            throw new UsageException("no command given");
        }
        String command = args.get(0);
        List<String> rest = args.subList(1, args.size());
        // `jiffy run -h`, as `go run -h`: the command's help (after the target, -h is the program's).
        if (CommandHelp.of(command) != null && !rest.isEmpty() && List.of("-h", "-help", "--help").contains(rest.get(0))) {
            return help(List.of(command));
        }
        return switch (command) {
            case "help", "-h", "-help", "--help" -> rest.isEmpty() ? help() : help(rest);
            case "version" -> new VersionCommand(out, cwd).run(rest);
            case "env" -> new EnvCommand(out, Settings.from(env), env).run(rest);
            case "cache" -> new CacheCommand(out, err, Settings.from(env), clock).run(rest);
            case "clean" -> new CleanCommand(out, Settings.from(env), clock).run(rest);
            case "trust" -> new TrustCommand(out, env).run(rest);
            case "daemon" -> new DaemonCommand(out, env).run(rest);
            case "completion" -> new CompletionCommand(out).run(rest);
            case "init" -> new InitCommand(out, cwd).run(rest);
            case "edit" -> new EditCommand(out, env, cwd).run(rest);
            case "install" -> new InstallCommand(out, err, env, cwd).install(rest);
            case "uninstall" -> new InstallCommand(out, err, env, cwd).uninstall(rest);
            case "run", "build" -> new ProgramCommand(in, err, env, cwd, clock, Settings.from(env), compiles).run(command, rest);
            case "test" -> new TestCommand(out, err, env, cwd, clock, Settings.from(env), compiles).run(rest);
            case "tool" -> new ToolCommand(new ProgramCommand(in, err, env, cwd, clock, Settings.from(env), compiles), err, env, cwd,
                    clock).run(rest);
            default -> {
                // `jiffy FILE args`, as a #!/usr/bin/env jiffy line runs a script, is `jiffy run FILE args`;
                // so are `jiffy alias`, `jiffy alias@catalog` and `jiffy URL`, as in JBang.
                if (!command.startsWith("-") && (java.nio.file.Files.isRegularFile(cwd.resolve(command))
                        || ProgramCommand.isUrl(command) || command.matches("[^/@:\\s]+@\\S+")
                        || command.indexOf('@') < 0 && ProgramCommand.isAlias(command, cwd, env))) {
                    List<String> all = new java.util.ArrayList<>(List.of(command));
                    all.addAll(rest);
                    yield new ProgramCommand(in, err, env, cwd, clock, Settings.from(env), compiles).run("run", all);
                }
                throw new UsageException("unknown command \"" + command + "\"");
            }
        };
    }

    /** {@code jiffy help <command>}: that command's flags, one a line, and an example. */
    private int help(List<String> commands) throws UsageException {
        if (commands.size() != 1 || CommandHelp.of(commands.get(0)) == null) {
            throw new UsageException("help: unknown command \"" + String.join(" ", commands) + "\" (commands: "
                    + String.join(" ", CommandHelp.commands()) + ")");
        }
        out.print(CommandHelp.of(commands.get(0)));
        return 0;
    }

    private int help() {
        out.print("""
                jiffy runs Java programs from source, building each one once into a content-addressed cache.

                usage:
                  jiffy run   [build flags] <file.java | dir> [args...]       build (or find in the cache) and run
                  jiffy build [build flags] [-o path] <file.java | dir>       build; -o copies the executable out
                  jiffy test  [build flags] [test flags] [module...]          run a Maven module's JUnit tests, as go test does
                  jiffy tool  [build flags] <group:artifact[:version] | alias> [args...]
                                                                              run an artifact's main class, or a jbang-catalog.json alias
                  jiffy cache stat | trim | verify | path                     inspect and maintain the cache
                  jiffy clean -cache | -testcache                             remove the whole cache, safely; forget test results
                  jiffy trust add|list|remove <url-prefix>                    which URLs jiffy run may run scripts from
                  jiffy daemon status | stop                                  the compile server that keeps javac warm for misses
                  jiffy env [NAME...]                                         print settings
                  jiffy version [-m <executable>]                             print jiffy's version or an executable's build info
                  jiffy init [-t hello|cli|test] <File.java>                  write a new script from a template (-list: the templates)
                  jiffy edit <File.java> [DIR]                                a Maven project of the script for an IDE, sources linked
                  jiffy install [build flags] <target | g:a[:v] | alias | URL> [-name NAME]
                                                                              a command in ~/.local/bin that runs it (-list; uninstall NAME)
                  jiffy completion bash | zsh | fish                          print a shell completion script
                  jiffy help [command]                                        this, or a command's flags and an example

                build flags: -a (rebuild) -n (print the steps, run nothing) -x (print the steps and action IDs)
                             -v (name what is compiled) -q (no download progress) -offline (never use the network)
                             -java <home> (use that JDK) -main <Class> (choose the main class)
                test flags:  -v (each test) -run REGEX (Class or Class#method) -count=1 (never a cached result)
                             -failfast -timeout D (kill the test JVM after D, such as 90s or 10m; default 10m)
                             -json (go test -json's events, one a line) -junitxml DIR (surefire's XML reports;
                             the tests run even if a result is cached)
                settings: JIFFY_CACHE JIFFY_CACHE_MAX JIFFY_TRIM_AGE JIFFY_REMOTE_CACHE JIFFY_REMOTE_UPLOAD JIFFY_REMOTE_TESTS
                          JIFFY_REMOTE_HEADERS JIFFY_OFFLINE JIFFY_VERIFY JIFFY_DEBUG JIFFY_DEBUG_HASH
                          JIFFY_DAEMON JIFFY_DAEMON_IDLE JIFFY_DAEMON_HEAP (see jiffy env)
                """);
        return 0;
    }

    Path cwd() {
        return cwd;
    }
}
