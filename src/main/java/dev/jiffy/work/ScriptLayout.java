package dev.jiffy.work;

import dev.jiffy.deps.DirectiveException;
import dev.jiffy.deps.ScriptDirectives;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A script as a project sees it, for {@code jiffy edit}: its sources (the script, then what
 * {@code //SOURCES} brings in) each with its path below the script's directory, its
 * {@code //FILES} resources by their names in the executable, and its directives.
 */
public record ScriptLayout(Map<String, Path> sources, Map<String, Path> resources, ScriptDirectives directives) {

    public static ScriptLayout read(Path cwd, String script, Map<String, String> env, Map<String, String> properties)
            throws BuildException, IOException {
        Target target = Target.resolve(cwd, script);
        if (!target.singleFile()) {
            throw new BuildException(script + ": jiffy edit takes one script, not a directory");
        }
        SourceSet set = SourceSet.scan(target, SourceScanner.READ, cwd);
        ScriptDirectives directives;
        try {
            directives = ScriptDirectives.of(set.directives(), env, properties);
        } catch (DirectiveException e) {
            throw new BuildException(e.getMessage());
        }
        Map<String, Path> sources = new java.util.LinkedHashMap<>();
        for (Path source : set.sources()) {
            sources.put(target.relative(source), source);
        }
        return new ScriptLayout(java.util.Collections.unmodifiableMap(sources),
                java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(set.resources())), directives);
    }
}
