package dev.jiffy.cli;

import dev.jiffy.cache.AtomicFiles;
import dev.jiffy.deps.Catalog;
import dev.jiffy.deps.CatalogException;
import dev.jiffy.run.ToolCode;
import dev.jiffy.work.ShellQuote;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code jiffy install [build flags] <target | g:a[:v] | alias | URL> [-name NAME]}, {@code jiffy
 * install -list} and {@code jiffy uninstall NAME}: a command in {@code JIFFY_BIN} (else
 * {@code $HOME/.local/bin}) that is {@code exec jiffy run TARGET "$@"} (or {@code jiffy tool}),
 * with the target made absolute, so it works from any directory, follows edits to the source and
 * survives {@code jiffy clean -cache}; a hit sources the run file and starts no JVM of jiffy's.
 * What is installed is listed in {@code installs.txt} of the configuration directory; a file
 * jiffy did not write is never overwritten.
 */
final class InstallCommand {
    /** The second line of every command jiffy installs: how it tells its own from others'. */
    static final String MARKER = "# installed by jiffy install";

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Path cwd;

    InstallCommand(PrintStream out, PrintStream err, Map<String, String> env, Path cwd) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.cwd = cwd;
    }

    int install(List<String> args) throws UsageException, Failure, IOException {
        if (args.equals(List.of("-list"))) {
            installs().forEach((name, command) -> out.println(name + "\t" + command));
            return 0;
        }
        // -name NAME may come before the target or after it; an installed command takes no arguments of its own here.
        args = new ArrayList<>(args);
        String name = null;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("-name") || args.get(i).equals("--name")) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("install: flag " + args.get(i) + " needs a value");
                }
                name = args.get(i + 1);
                args.subList(i, i + 2).clear();
                break;
            }
        }
        BuildFlags flags = BuildFlags.parse("install", args, false);
        if (!flags.programArgs().isEmpty()) {
            throw new UsageException("install: unexpected \"" + flags.programArgs().get(0) + "\" after the target (only -name NAME)");
        }
        if (flags.code() != null) {
            throw new UsageException("install: --code has no file to install; write it into a file first");
        }
        List<String> command = new ArrayList<>(args.subList(0, flags.consumed() - 1));
        String target = flags.target();
        String verb;
        String defaultName;
        Path file = cwd.resolve(target).normalize();
        if (ProgramCommand.isUrl(target)) {
            verb = "run";
            defaultName = stem(target.substring(target.lastIndexOf('/') + 1));
        } else if (Files.exists(file)) {
            verb = "run";
            target = file.toString();
            defaultName = stem(file.getFileName() == null ? "jiffy" : file.getFileName().toString());
        } else if (target.matches("[^/:@]+:[^/:@]+(:[^/]*)*")) {
            verb = "tool";
            defaultName = target.split(":")[1];
        } else {
            Catalog.Alias alias;
            try {
                alias = target.contains("/") && target.indexOf('@') < 0 ? null : Catalog.find(target, cwd, env);
            } catch (CatalogException e) {
                throw new Failure(1, e.getMessage());
            }
            if (alias == null) {
                throw new Failure(1, "install " + target + ": no such file or directory, and not group:artifact[:version]"
                        + " or a catalog's alias");
            }
            verb = "run";
            defaultName = alias.name();
            // The alias as found from here, so that the command finds it from anywhere.
            target = alias.name() + "@" + (alias.catalogUrl() != null ? alias.catalogUrl() : alias.catalog().toString());
        }
        name = checkName(name != null ? name : defaultName);
        command.add(0, verb);
        command.add(target);

        Path dir = binDirectory();
        Path installed = dir.resolve(name);
        if (Files.exists(installed, LinkOption.NOFOLLOW_LINKS) && !ours(installed)) {
            throw new Failure(1, installed + ": exists and jiffy did not install it; choose another name with -name");
        }
        Path launcher = ToolCode.location().toRealPath().getParent().getParent().resolve("bin").resolve("jiffy");
        String script = "#!/bin/sh\n" + MARKER + " (" + String.join(" ", args) + ")\nexec " + ShellQuote.quote(launcher.toString())
                + " " + ShellQuote.join(command) + " \"$@\"\n";
        try {
            Files.createDirectories(dir);
            AtomicFiles.write(installed, script.getBytes(StandardCharsets.UTF_8));
            installed.toFile().setExecutable(true, false);
        } catch (IOException e) {
            throw new Failure(1, dir + ": cannot install there (" + Messages.describe(e) + "); JIFFY_BIN names another directory");
        }
        Map<String, String> all = installs();
        all.put(name, String.join(" ", command));
        save(all);
        out.println("installed " + installed);
        if (!onPath(dir)) {
            err.println("jiffy: warning: " + dir + " is not on PATH; add it to run " + name + " by its name");
        }
        return 0;
    }

    int uninstall(List<String> args) throws UsageException, Failure, IOException {
        if (args.size() != 1) {
            throw new UsageException("uninstall: expected the NAME of an installed command (jiffy install -list)");
        }
        String name = checkName(args.get(0));
        Map<String, String> all = installs();
        Path installed = binDirectory().resolve(name);
        if (!all.containsKey(name) && !(Files.exists(installed) && ours(installed))) {
            throw new Failure(1, "uninstall " + name + ": not installed by jiffy (jiffy install -list)");
        }
        if (Files.exists(installed, LinkOption.NOFOLLOW_LINKS) && ours(installed)) {
            Files.delete(installed);
        }
        all.remove(name);
        save(all);
        out.println("removed " + installed);
        return 0;
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static String checkName(String name) throws UsageException {
        if (name.isEmpty() || name.contains("/") || name.startsWith("-") || name.startsWith(".") || name.contains("\n")) {
            throw new UsageException("install: \"" + name + "\" is not a command name (no /, no leading - or .)");
        }
        return name;
    }

    private Path binDirectory() throws UsageException {
        String bin = env.getOrDefault("JIFFY_BIN", "");
        if (!bin.isEmpty()) {
            if (!bin.startsWith("/")) {
                throw new UsageException("JIFFY_BIN=" + bin + ": must be an absolute path");
            }
            return Path.of(bin);
        }
        String home = env.getOrDefault("HOME", "");
        if (!home.startsWith("/")) {
            throw new UsageException("neither JIFFY_BIN nor HOME is an absolute path: no place to install commands");
        }
        return Path.of(home, ".local", "bin");
    }

    private boolean onPath(Path dir) {
        for (String entry : env.getOrDefault("PATH", "").split(":")) {
            if (!entry.isEmpty() && Path.of(entry).normalize().equals(dir.normalize())) {
                return true;
            }
        }
        return false;
    }

    private static boolean ours(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return lines.size() >= 2 && lines.get(1).startsWith(MARKER);
        } catch (IOException | RuntimeException e) {
            return false; // a binary, or unreadable: not jiffy's
        }
    }

    private Path listFile() throws UsageException {
        return ConfigDirectory.of(env, "the installed commands").dir().resolve("installs.txt");
    }

    /** NAME, then the jiffy command it runs, a line each, in the order installed. */
    private Map<String, String> installs() throws UsageException, IOException {
        Map<String, String> all = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(listFile(), StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    all.put(line.substring(0, tab), line.substring(tab + 1));
                }
            }
        } catch (NoSuchFileException e) {
            return all;
        }
        return all;
    }

    private void save(Map<String, String> all) throws UsageException, IOException {
        Path file = listFile();
        Files.createDirectories(file.getParent());
        StringBuilder b = new StringBuilder();
        all.forEach((name, command) -> b.append(name).append('\t').append(command).append('\n'));
        AtomicFiles.write(file, b.toString().getBytes(StandardCharsets.UTF_8));
    }
}
