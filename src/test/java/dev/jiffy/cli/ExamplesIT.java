package dev.jiffy.cli;

import static dev.jiffy.harness.ResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.harness.Jiffy;
import dev.jiffy.harness.Result;
import dev.jiffy.harness.Sandbox;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's examples run as documented, from the project directory. */
class ExamplesIT {
    @RegisterExtension
    final Sandbox sandbox = new Sandbox();

    @Test
    void helloAndTheMultiFileWordCount() throws Exception {
        Jiffy jiffy = sandbox.jiffy().in(Jiffy.ROOT);
        Result hello = jiffy.run("run", "examples/hello/Hello.java");
        assertThat(hello).printed("Hello from jiffy!\n");

        Result wc = jiffy.runWithInput("the cat and the hat\nthe end\n".getBytes(StandardCharsets.UTF_8),
                "run", "examples/wordcount");
        assertThat(wc).succeeded().printed("7 words\n     3 the\n     1 and\n     1 cat\n     1 end\n     1 hat\n");
    }
}
