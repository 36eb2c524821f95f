package dev.jiffy.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code jiffy help <command>} (and {@code jiffy <command> -h}): one command's usage, each of its
 * flags on a line, and an example, as {@code go help <command>} prints them.
 */
final class CommandHelp {
    private static final String BUILD_FLAGS = """
              -a                   rebuild every action, even when the cache has it
              -n                   print the steps that would run; run nothing
              -x                   print the steps, their action IDs and the program's command
              -v                   name what is compiled
              -q                   no download progress
              -offline             never use the network (JIFFY_OFFLINE=1)
              -java <home>         build and run with that JDK
              -main <Class>        the main class, when there are several
              -D name=value        a system property of the program, and ${name} in its directives
              --deps g:a:v,...     //DEPS, as JBang's flag (also --repos, -R, -C, --java, --cp)
              --code 'source'      the script itself, given on the command line
              --                   the arguments after it are the program's
            """;
    private static final Map<String, String> TEXTS = texts();

    private CommandHelp() {}

    /** The help of {@code command}, or null when there is no such command. */
    static String of(String command) {
        return TEXTS.get(command);
    }

    static java.util.Set<String> commands() {
        return TEXTS.keySet();
    }

    private static Map<String, String> texts() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("run", """
                usage: jiffy run [build flags] <file.java | dir | project dir | file.jar | URL | alias | g:a[:v] | -> [args...]

                Builds the program (or finds it in the cache) and runs it with args; jiffy's exit
                status is the program's. A hit starts no JVM of jiffy's: the launcher execs the program.

                flags:
                """ + BUILD_FLAGS + """

                example:
                  jiffy run hello/Hello.java world
                """);
        t.put("build", """
                usage: jiffy build [build flags] [-o path] <file.java | dir | project dir>

                Builds the program into the cache, as run does, and runs nothing.

                flags:
                  -o path              copy the executable to path (it runs on its own: ./path args)
                """ + BUILD_FLAGS + """

                example:
                  jiffy build -o app hello/Hello.java && ./app
                """);
        t.put("test", """
                usage: jiffy test [build flags] [test flags] [module... | ./... | File.java | dir]

                Runs JUnit tests in a child JVM, one ok or FAIL line per module as go test prints;
                a pass is cached until something the tests read changes.

                test flags:
                  -v                   a line for each test
                  -run REGEX           only tests whose Class or Class#method matches
                  -count=1             run even when a result is cached
                  -failfast            stop at the first failure
                  -timeout D           kill the test JVM after D (90s, 10m; default 10m)
                  -json                go test -json's events, one a line
                  -junitxml DIR        surefire's XML reports into DIR (the tests run even if cached)
                  -a -n -x -q -offline -java <home>
                                       as for run (-v means a line for each test here)

                example:
                  jiffy test -v -run 'ParserTest#.*' ./...
                """);
        t.put("tool", """
                usage: jiffy tool [build flags] <group:artifact[:version] | alias[@catalog]> [args...]

                Runs an artifact's Main-Class with its dependencies (the newest release without a
                version, looked up at most daily), or an alias of a jbang-catalog.json.

                flags:
                """ + BUILD_FLAGS + """

                example:
                  jiffy tool com.google.googlejavaformat:google-java-format:1.24.0 --version
                """);
        t.put("cache", """
                usage: jiffy cache stat | trim | verify | path

                  stat                 entries, bytes, archives, executables, uses, hits and misses
                  trim                 remove what JIFFY_TRIM_AGE and JIFFY_CACHE_MAX say to
                  verify               re-hash every content file; remove and report bad ones (exit 1)
                  path                 print the cache directory

                example:
                  jiffy cache stat
                """);
        t.put("clean", """
                usage: jiffy clean -cache | -testcache

                  -cache               remove the whole cache, safely while other jiffy processes use it
                  -testcache           forget every cached test result

                example:
                  jiffy clean -testcache
                """);
        t.put("trust", """
                usage: jiffy trust add | list | remove <url-prefix>

                The URL prefixes that jiffy run may fetch scripts and catalogs from, kept in
                $XDG_CONFIG_HOME/jiffy (else $HOME/.config/jiffy).

                example:
                  jiffy trust add https://raw.githubusercontent.com/me/scripts/
                """);
        t.put("daemon", """
                usage: jiffy daemon status | stop

                The compile server that builds misses warm (JIFFY_DAEMON=0 turns it off).

                  status               pid, uptime, builds served, heap and RSS
                  stop                 stop it; the next miss that takes jiffy's JVM starts another

                example:
                  jiffy daemon status
                """);
        t.put("init", """
                usage: jiffy init [-t template] <File.java>
                       jiffy init -list

                Writes a new script from a template, runnable at once with jiffy run (or as
                ./File.java); an existing file is never overwritten.

                  -t template          hello (the default), cli (picocli) or test (JUnit, for jiffy test)
                  -list                the templates, a line each

                example:
                  jiffy init -t cli Greet.java && jiffy run Greet.java --help
                """);
        t.put("edit", """
                usage: jiffy edit <File.java> [DIR]

                Writes a Maven project of the script that an IDE opens with full completion: a
                pom.xml with its //DEPS, //REPOS, Java release and javac options, and its sources
                and //FILES linked, not copied, so that edits land in the script. In the cache
                unless DIR is given; run it again after changing the directives. Prints the directory.

                example:
                  jiffy edit Greet.java
                """);
        t.put("install", """
                usage: jiffy install [build flags] <file.java | dir | g:a[:v] | alias[@catalog] | URL> [-name NAME]
                       jiffy install -list

                Puts a command in JIFFY_BIN (else ~/.local/bin) that runs the target as jiffy run
                (jiffy tool for a coordinate) would, from any directory; it follows edits to the
                source, and a cached run starts no JVM of jiffy's. A file jiffy did not install is
                never overwritten.

                  -name NAME           the command's name (default: the file's, the artifact's, the alias's)
                  -list                what is installed, a line each
                """ + BUILD_FLAGS + """

                example:
                  jiffy install -name greet tools/Greet.java && greet --help
                """);
        t.put("uninstall", """
                usage: jiffy uninstall NAME

                Removes a command that jiffy install put in place.

                example:
                  jiffy uninstall greet
                """);
        t.put("env", """
                usage: jiffy env [NAME...]

                Prints the settings in effect, as go env does: all of them as NAME='value', or the
                values of those named.

                example:
                  jiffy env JIFFY_CACHE
                """);
        t.put("version", """
                usage: jiffy version [-m <executable>]

                  -m <executable>      the build info inside an executable (its sources, JDK, jiffy)

                example:
                  jiffy version -m ./app
                """);
        t.put("completion", """
                usage: jiffy completion bash | zsh | fish

                Prints a completion script: commands, each command's flags, the subcommands of
                cache, clean, trust and daemon, and the settings' names for env.

                example:
                  jiffy completion bash > ~/.local/share/bash-completion/completions/jiffy
                """);
        t.put("help", """
                usage: jiffy help [command]

                Prints the commands, or one command's flags and an example.

                example:
                  jiffy help run
                """);
        return t;
    }
}
