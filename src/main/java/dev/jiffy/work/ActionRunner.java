package dev.jiffy.work;

import dev.jiffy.cache.ActionId;
import dev.jiffy.cache.Cache;
import dev.jiffy.cache.Lookup;
import java.io.IOException;

/**
 * Runs actions against the cache, in two halves so that a build can do something between a miss
 * and the run (fetch the jars a remote resolution names): {@link #find} hashes the action and
 * looks it up, {@link #run} runs one that missed. Under {@code -x} each lookup prints the action's
 * ID and, on a miss, the reason the cache gave; under {@code -a} every lookup misses; under
 * {@code -n} nothing runs.
 */
final class ActionRunner {
    private final Cache cache;
    private final BuildReporter reporter;
    private final boolean rebuild;
    private final boolean dryRun;

    ActionRunner(Cache cache, BuildReporter reporter, boolean rebuild, boolean dryRun) {
        this.cache = cache;
        this.reporter = reporter;
        this.rebuild = rebuild;
        this.dryRun = dryRun;
    }

    /** The cached output of {@code action}, or null when it has to run. */
    <T> T find(Action<T> action) throws IOException {
        ActionKey key = action.key();
        reporter.hashLines(key.action(), key.lines());
        ActionId id = key.id();
        String missed = "rebuilding (-a)";
        if (!rebuild) {
            Lookup lookup = cache.get(id);
            if (lookup instanceof Lookup.Hit hit) {
                Action.Reuse<T> reuse = action.reuse(cache, hit);
                if (reuse.output() != null) {
                    reporter.trace("action " + key.action() + " " + id + ": hit");
                    return reuse.output();
                }
                missed = reuse.rejected();
            } else {
                missed = ((Lookup.Miss) lookup).reason();
            }
        }
        reporter.trace("action " + key.action() + " " + id + ": miss (" + missed + ")");
        return null;
    }

    /** Runs an action that {@link #find} missed; null under {@code -n}, which only says what would run. */
    <T> T run(Action<T> action) throws BuildException, IOException {
        reporter.step(action.describe());
        if (dryRun) {
            return null;
        }
        ActionId id = action.key().id();
        return rebuild ? action.rebuild(cache, id) : action.run(cache, id);
    }

    /** The cached output, else the action's run. */
    <T> T get(Action<T> action) throws BuildException, IOException {
        T found = find(action);
        return found != null ? found : run(action);
    }
}
