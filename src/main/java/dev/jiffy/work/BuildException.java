package dev.jiffy.work;

/**
 * A build that cannot go on, with one line for the user. For a failed compile the message is
 * empty: javac's diagnostics have been reported already.
 */
public final class BuildException extends Exception {
    private static final long serialVersionUID = 1L;

    public BuildException(String message) {
        super(message);
    }
}
