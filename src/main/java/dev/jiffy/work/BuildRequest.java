package dev.jiffy.work;

import java.util.Map;

/**
 * One build: the target and the flags that shape it. {@code mainClass} is {@code -main}, or null
 * to take {@code //MAIN} or the one class with a main method. {@code env} and
 * {@code properties} fill in {@code ${env.NAME}} and {@code ${name}} in directives.
 */
public record BuildRequest(Target target, String mainClass, boolean rebuild, boolean dryRun, boolean offline,
        Map<String, String> env, Map<String, String> properties) {

    public BuildRequest withRebuild() {
        return new BuildRequest(target, mainClass, true, false, offline, env, properties);
    }
}
