package dev.jiffy.work;

import dev.jiffy.cache.ActionId;
import dev.jiffy.cache.Cache;
import dev.jiffy.cache.Lookup;
import java.io.IOException;

/**
 * One action of a build, as Go's {@code work.Action} is one: the lines its ID is made of, what a
 * cached output of it is worth, and how to make the output when there is none. Resolve, compile,
 * link and tool link are actions; {@link ActionRunner} hashes, looks up, runs and puts each of
 * them the same way, so a new kind of action writes only what is its own.
 *
 * @param <T> what the action gives the next one: a resolution, class files, an executable
 */
interface Action<T> {
    /** Everything that can change the output, as readable lines; its first line names the action. */
    ActionKey key();

    /**
     * The output behind a hit, or the reason it cannot be used (content damaged or gone since the
     * lookup, a resolution too old to trust, an executable built for another action): the action
     * then runs again.
     */
    Reuse<T> reuse(Cache cache, Lookup.Hit hit) throws IOException;

    /** What running it means, as {@code -n} and {@code -x} print it: {@code javac 3 files of app}. */
    String describe();

    /** Makes the output and puts it into {@code cache} under {@code id}. */
    T run(Cache cache, ActionId id) throws BuildException, IOException;

    /**
     * Runs it as {@code -a} asks, building on nothing this JVM remembers of earlier runs (the
     * compile server's compiles); the output is the same.
     */
    default T rebuild(Cache cache, ActionId id) throws BuildException, IOException {
        return run(cache, id);
    }

    /** A cached output that can be used, or why not. */
    record Reuse<T>(T output, String rejected) {
        static <T> Reuse<T> use(T output) {
            return new Reuse<>(output, null);
        }

        static <T> Reuse<T> reject(String why) {
            return new Reuse<>(null, why);
        }
    }
}
