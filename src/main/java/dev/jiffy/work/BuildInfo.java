package dev.jiffy.work;

import dev.jiffy.cache.ActionId;
import dev.jiffy.cache.OutputId;
import dev.jiffy.deps.ResolvedArtifact;
import java.util.List;
import java.util.Map;

/**
 * What {@code jiffy version -m} prints of an executable, as {@code go version -m} does: written
 * into its jar at link, one {@code name<TAB>value} line each. The {@code action} line is also how a
 * hit checks that an executable was built for the action that found it.
 *
 * @param project a Maven project's coordinates, or null
 * @param modules the modules of the project's reactor linked in
 * @param compile the compile output linked in, or null for a tool (nothing compiled)
 * @param sources each source's path below the target's root and its SHA-256
 */
record BuildInfo(String program, String project, List<Link.Module> modules, String main, ActionId action, OutputId compile, Jdk jdk, String toolVersion,
        Map<String, String> sources, List<ResolvedArtifact> dependencies) {

    String text() {
        StringBuilder b = new StringBuilder();
        line(b, "program", program);
        if (project != null) {
            line(b, "project", project);
        }
        line(b, "main", main);
        line(b, "action", action.toString());
        if (compile != null) {
            line(b, "compile", compile.toString());
        }
        line(b, "jdk", jdk.describe());
        line(b, "jiffy", toolVersion);
        sources.forEach((path, sha) -> line(b, "source", path + "\t" + sha));
        modules.forEach(m -> line(b, "module", m.coordinates() + (m.compiled() == null ? "" : "\t" + m.compiled().id())));
        // A SNAPSHOT or local jar is named by its content too: its coordinate does not fix it.
        dependencies.forEach(a -> line(b, "dep", a.coordinate() + (a.sha256() == null ? "" : "\t" + a.sha256())));
        return b.toString();
    }

    private static void line(StringBuilder b, String name, String value) {
        b.append(name).append('\t').append(value).append('\n');
    }
}
