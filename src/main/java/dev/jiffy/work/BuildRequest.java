package dev.jiffy.work;

import dev.jiffy.deps.Directives;
import java.util.List;
import java.util.Map;

/**
 * One build: the target and the flags that shape it. {@code mainClass} is {@code -main}, or null
 * to take {@code //MAIN} or the one class with a main method. {@code env} and
 * {@code properties} fill in {@code ${env.NAME}} and {@code ${name}} in directives.
 * {@code flagDirectives} are directives given as flags (JBang's {@code --deps}, ...), read after
 * the sources' own.
 */
public record BuildRequest(Target target, String mainClass, boolean rebuild, boolean dryRun, boolean offline,
        Map<String, String> env, Map<String, String> properties, List<Directives.Directive> flagDirectives) {

    public BuildRequest(Target target, String mainClass, boolean rebuild, boolean dryRun, boolean offline,
            Map<String, String> env, Map<String, String> properties) {
        this(target, mainClass, rebuild, dryRun, offline, env, properties, List.of());
    }

    public BuildRequest withRebuild() {
        return new BuildRequest(target, mainClass, true, false, offline, env, properties, flagDirectives);
    }
}
