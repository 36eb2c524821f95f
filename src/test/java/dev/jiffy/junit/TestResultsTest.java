package dev.jiffy.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The variables a test result ignores, and those the launcher leaves out of its hash of the environment, are the same. */
class TestResultsTest {
    @Test
    void theLauncherHashesEveryVariableTheTestActionCounts() throws Exception {
        String launcher = Files.readString(Path.of(System.getProperty("jiffy.root"), "bin", "jiffy"));
        Matcher m = Pattern.compile("\\(unset ([^&]*) && export -p\\)").matcher(launcher);

        assertThat(m.find()).as("bin/jiffy hashes export -p without the volatile variables").isTrue();
        assertThat(Arrays.asList(m.group(1).replace("\\\n", " ").trim().split("\\s+")))
                .containsExactlyInAnyOrderElementsOf(TestResults.VOLATILE);
    }
}
