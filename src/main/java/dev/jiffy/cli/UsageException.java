package dev.jiffy.cli;

/** A command line that cannot be understood: one line of explanation, exit status 2. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
