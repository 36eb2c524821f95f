package dev.jiffy.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** {@code jiffy env [NAME...]}: the settings in effect, as {@code go env} prints them. */
final class EnvCommand {
    private final PrintStream out;
    private final Settings settings;
    private final Map<String, String> env;

    EnvCommand(PrintStream out, Settings settings, Map<String, String> env) {
        this.out = out;
        this.settings = settings;
        this.env = env;
    }

    int run(List<String> names) throws UsageException {
        Map<String, String> all = settings.asEnv(env);
        DaemonSettings.from(env).addTo(all);
        if (names.isEmpty()) {
            all.forEach((k, v) -> out.println(k + "='" + v.replace("'", "'\\''") + "'"));
            return 0;
        }
        for (String name : names) {
            if (!all.containsKey(name)) {
                throw new UsageException("unknown setting \"" + name + "\" (known: " + String.join(" ", all.keySet()) + ")");
            }
        }
        names.forEach(n -> out.println(all.get(n)));
        return 0;
    }
}
