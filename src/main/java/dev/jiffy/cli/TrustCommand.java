package dev.jiffy.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** {@code jiffy trust add|list|remove PREFIX}: the URL prefixes whose scripts {@code jiffy run URL} may run. */
final class TrustCommand {
    private final PrintStream out;
    private final Map<String, String> env;

    TrustCommand(PrintStream out, Map<String, String> env) {
        this.out = out;
        this.env = env;
    }

    int run(List<String> args) throws UsageException, Failure, IOException {
        TrustedUrls trusted = TrustedUrls.of(env);
        String verb = args.isEmpty() ? "" : args.get(0);
        if (verb.equals("list") && args.size() == 1) {
            trusted.list().forEach(out::println);
            return 0;
        }
        if ((verb.equals("add") || verb.equals("remove")) && args.size() == 2) {
            String prefix = args.get(1);
            if (!prefix.startsWith("https://") && !prefix.startsWith("http://")) {
                throw new UsageException("trust " + verb + " " + prefix + ": not an http:// or https:// URL prefix");
            }
            if (verb.equals("add")) {
                trusted.add(prefix);
            } else if (!trusted.remove(prefix)) {
                throw new Failure(1, "trust remove " + prefix + ": not in " + trusted.file());
            }
            return 0;
        }
        throw new UsageException("trust takes add PREFIX, list or remove PREFIX");
    }
}
