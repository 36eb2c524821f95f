package dev.jiffy.run;

/** A program that cannot be started, with one line for the user and the exit status to return. */
public final class RunException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    RunException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
