import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * What an incremental compile would save in a warm compiler: in one JVM, javac of every source
 * below SRC against CLASSPATH, then of FILE alone against the classes that compile made, 12
 * times each, interleaved; medians of the last 8. The second is a lower bound of an incremental
 * compile (no dependants recompiled, no analysis).
 *
 *   java bench/IncrementalJavac.java SRC FILE [CLASSPATH]
 */
public class IncrementalJavac {
    public static void main(String[] args) throws Exception {
        Path src = Path.of(args[0]);
        Path one = src.resolve(args[1]);
        String cp = args.length > 2 ? args[2] : "";
        List<String> all;
        try (Stream<Path> walk = Files.walk(src)) {
            all = walk.filter(p -> p.toString().endsWith(".java") && !p.endsWith("module-info.java"))
                    .map(Path::toString).sorted().toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path full = Files.createTempDirectory("full");
        Path inc = Files.createTempDirectory("inc");
        List<Long> fullMs = new ArrayList<>();
        List<Long> oneMs = new ArrayList<>();
        for (int round = 0; round < 12; round++) {
            List<String> everything = new ArrayList<>(List.of("-proc:none", "-nowarn", "-XDsuppressNotes", "-cp", cp,
                    "-d", full.toString()));
            everything.addAll(all);
            long t0 = System.nanoTime();
            int a = javac.run(null, null, null, everything.toArray(String[]::new));
            long t1 = System.nanoTime();
            int b = javac.run(null, null, null, "-proc:none", "-nowarn", "-XDsuppressNotes", "-implicit:none",
                    "-cp", full + (cp.isEmpty() ? "" : ":" + cp), "-d", inc.toString(), one.toString());
            long t2 = System.nanoTime();
            if (a != 0 || b != 0) {
                throw new IllegalStateException("javac failed");
            }
            if (round >= 4) {
                fullMs.add((t1 - t0) / 1_000_000);
                oneMs.add((t2 - t1) / 1_000_000);
            }
        }
        Collections.sort(fullMs);
        Collections.sort(oneMs);
        System.out.println(all.size() + " files: all " + fullMs.get(4) + " ms " + fullMs + "; " + args[1] + " alone "
                + oneMs.get(4) + " ms " + oneMs);
    }
}
