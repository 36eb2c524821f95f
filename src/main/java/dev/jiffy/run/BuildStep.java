package dev.jiffy.run;

import dev.jiffy.work.BuildException;
import dev.jiffy.work.BuildResult;
import dev.jiffy.work.WrongJdkException;
import java.io.IOException;

/** One way to build a program: a target's sources or a tool's artifact. */
@FunctionalInterface
public interface BuildStep {
    /**
     * Builds or finds the program; null under {@code -n} when something would be built.
     *
     * @param rebuild rebuild every action, as {@code -a} does
     */
    BuildResult build(boolean rebuild) throws BuildException, WrongJdkException, IOException;
}
