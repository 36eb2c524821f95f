package dev.jiffy.cli;

import dev.jiffy.deps.Catalog;
import dev.jiffy.deps.CatalogException;
import dev.jiffy.deps.Coordinate;
import dev.jiffy.run.RunException;
import dev.jiffy.run.RunFiles;
import dev.jiffy.run.ToolCode;
import dev.jiffy.work.Jdk;
import dev.jiffy.work.NewestRelease;
import dev.jiffy.work.ToolBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * {@code jiffy tool <group:artifact[:version] | alias>}: an artifact's main class with its
 * dependencies, or an alias of a {@code jbang-catalog.json}, built and started as
 * {@link ProgramCommand} builds and starts a script.
 */
final class ToolCommand {
    private final ProgramCommand programs;
    private final Map<String, String> env;
    private final Path cwd;
    private final Clock clock;

    ToolCommand(ProgramCommand programs, Map<String, String> env, Path cwd, Clock clock) {
        this.programs = programs;
        this.env = env;
        this.cwd = cwd;
        this.clock = clock;
    }

    /** {@code tool <group:artifact[:version] | catalog name>}. */
    int run(List<String> args) throws UsageException, Failure, RunException, IOException {
        BuildFlags flags = BuildFlags.parse("tool", args, false);
        String spec = flags.target();
        if (spec.indexOf(':') >= 0) {
            return programs.execute(new ProgramCommand.Request("tool", flags,
                    tool(flags, spec, RunFiles.toolKey(spec), List.of(), List.of())));
        }
        Catalog.Alias alias;
        try {
            alias = Catalog.find(spec, cwd, env);
        } catch (CatalogException e) {
            throw new Failure(1, e.getMessage());
        }
        if (alias == null) {
            throw new Failure(1, "tool " + spec + ": not group:artifact[:version], and no jbang-catalog.json in "
                    + cwd + " or its parents has that alias");
        }
        if (alias.scriptRef().indexOf(':') < 0 || alias.scriptRef().endsWith(".java")) {
            // An alias for a script: run it as `jiffy run` would, from the catalog's directory.
            return programs.execute(new ProgramCommand.Request("run", flags, programs.target("run", flags,
                    alias.scriptRef(), alias.catalog().getParent(), alias.arguments(), alias.javaOptions())));
        }
        return programs.execute(new ProgramCommand.Request("tool", flags,
                tool(flags, alias.scriptRef(), null, alias.arguments(), alias.javaOptions())));
    }

    /** An artifact; without a version, its newest release. */
    private ProgramCommand.Plan tool(BuildFlags flags, String spec, String key, List<String> arguments,
            List<String> javaOptions) throws UsageException {
        Coordinate parsed;
        try {
            parsed = Coordinate.parse(spec, false);
        } catch (IllegalArgumentException e) {
            throw new UsageException("tool " + e.getMessage());
        }
        boolean offline = programs.offline(flags);
        return (session, root, reporter) -> {
            Coordinate tool = parsed.version() != null ? parsed
                    : parsed.withVersion(NewestRelease.of(parsed, List.of(), offline, root, clock, reporter));
            ToolBuilder builder = new ToolBuilder(session.buildCache(!flags.dryRun() && !offline), Jdk.current(),
                    ToolCode.version(root, clock), reporter, clock);
            // A run file written under -main would start that class in runs that never asked for it.
            return new ProgramCommand.Execution(rebuild -> builder.build(tool, List.of(), flags.mainClass(), List.of(),
                    offline, rebuild || flags.rebuild(), flags.dryRun()),
                    programs.program(flags, flags.mainClass() == null ? key : null, List.of(), arguments, javaOptions), null);
        };
    }
}
