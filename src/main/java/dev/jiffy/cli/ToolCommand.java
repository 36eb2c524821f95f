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
    private final java.io.PrintStream err;
    private final Map<String, String> env;
    private final Path cwd;
    private final Clock clock;

    ToolCommand(ProgramCommand programs, java.io.PrintStream err, Map<String, String> env, Path cwd, Clock clock) {
        this.programs = programs;
        this.err = err;
        this.env = env;
        this.cwd = cwd;
        this.clock = clock;
    }

    /** {@code tool <group:artifact[:version] | catalog name>}. */
    int run(List<String> args) throws UsageException, Failure, RunException, IOException {
        BuildFlags flags = BuildFlags.parse("tool", args, false);
        String spec = flags.target();
        int at = spec.indexOf('@');
        boolean aliasAt = at > 0 && spec.lastIndexOf(':', at) < 0; // alias@catalog, whose catalog may be a URL
        if (spec.indexOf(':') >= 0 && !aliasAt) {
            return programs.execute(new ProgramCommand.Request("tool", flags,
                    tool(flags, spec, RunFiles.toolKey(spec), List.of(), List.of())));
        }
        Catalog.Alias alias;
        try {
            alias = Catalog.find(spec, cwd, env, url -> programs.fetchCatalog(url, flags));
        } catch (CatalogException e) {
            throw new Failure(1, e.getMessage());
        }
        if (alias == null && aliasAt) {
            throw new Failure(1, spec + ": the catalog " + spec.substring(at + 1) + " has no alias " + spec.substring(0, at));
        }
        if (alias == null) {
            throw new Failure(1, "tool " + spec + ": not group:artifact[:version], and no jbang-catalog.json in "
                    + cwd + " or its parents has that alias");
        }
        boolean script = alias.scriptRef().indexOf(':') < 0 || alias.scriptRef().endsWith(".java");
        List<String> ignored = new java.util.ArrayList<>(alias.ignored());
        if (!script) {
            // An artifact brings its own dependencies and is compiled already.
            alias.directives().stream().map(d -> d.keyword().equals("DEPS") ? "dependencies" : d.keyword().equals("REPOS")
                    ? "repositories" : d.keyword().equals("JAVA") ? "java" : "compile-options").distinct().forEach(ignored::add);
        }
        if (!ignored.isEmpty()) {
            err.println("jiffy: warning: " + alias.where() + ": alias " + alias.name() + ": jiffy does not use "
                    + String.join(", ", ignored));
        }
        BuildFlags aliased = flags.under(script ? alias.directives() : List.of(), alias.properties(), alias.main());
        if (script) {
            // An alias for a script: run it as `jiffy run` would, from the catalog's directory.
            // A catalog from a URL: its script-ref is relative to that URL.
            String ref = alias.scriptRef();
            if (alias.catalogUrl() != null) {
                try {
                    ref = java.net.URI.create(alias.catalogUrl()).resolve(ref).toString();
                } catch (IllegalArgumentException e) {
                    throw new Failure(1, alias.where() + ": alias " + alias.name() + ": script-ref \"" + ref
                            + "\" is not a URL or a path relative to the catalog's");
                }
            }
            return programs.execute(new ProgramCommand.Request("run", aliased, programs.target("run", aliased,
                    ref, alias.catalog().getParent(), alias.arguments(), alias.javaOptions())));
        }
        return programs.execute(new ProgramCommand.Request("tool", aliased,
                tool(aliased, alias.scriptRef(), null, alias.arguments(), alias.javaOptions())));
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
