package dev.jiffy.cli;

import dev.jiffy.run.ToolCode;
import dev.jiffy.work.Executable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code jiffy version}: jiffy's version and the JDK it runs on, like {@code go version}. */
final class VersionCommand {
    private final PrintStream out;
    private final Path cwd;

    VersionCommand(PrintStream out, Path cwd) {
        this.out = out;
        this.cwd = cwd;
    }

    int run(List<String> args) throws UsageException, Failure, IOException {
        if (args.size() == 2 && args.get(0).equals("-m")) {
            Path file = cwd.resolve(args.get(1));
            if (!Files.isRegularFile(file)) {
                throw new Failure(1, args.get(1) + ": no such file");
            }
            String info = Executable.buildInfo(file);
            if (info == null) {
                throw new Failure(1, args.get(1) + ": not an executable built by jiffy");
            }
            out.println(args.get(1) + ":");
            info.lines().forEach(l -> out.println("\t" + l));
            return 0;
        }
        if (!args.isEmpty()) {
            throw new UsageException("version takes no arguments, or -m <executable>");
        }
        out.println("jiffy " + ToolCode.release() + " java " + System.getProperty("java.version") + " "
                + System.getProperty("os.name").toLowerCase() + "/" + System.getProperty("os.arch"));
        return 0;
    }
}
