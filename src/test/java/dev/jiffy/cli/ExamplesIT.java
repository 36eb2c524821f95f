package dev.jiffy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.harness.Jiffy;
import dev.jiffy.harness.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's examples run as documented, from the project directory. */
class ExamplesIT {
    @TempDir
    Path temp;

    @Test
    void helloAndTheMultiFileWordCount() throws Exception {
        Jiffy jiffy = Jiffy.withCache(temp.toRealPath().resolve("cache"), Jiffy.ROOT);
        Result hello = jiffy.run("run", "examples/hello/Hello.java");
        assertThat(hello.out()).as(hello.toString()).isEqualTo("Hello from jiffy!\n");

        Result wc = jiffy.runWithInput("the cat and the hat\nthe end\n".getBytes(StandardCharsets.UTF_8),
                "run", "examples/wordcount");
        assertThat(wc.exit()).as(wc.toString()).isZero();
        assertThat(wc.out()).isEqualTo("7 words\n     3 the\n     1 and\n     1 cat\n     1 end\n     1 hat\n");
    }
}
