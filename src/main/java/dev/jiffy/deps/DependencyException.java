package dev.jiffy.deps;

/** Dependencies that cannot be resolved, with one line naming the artifact or repository at fault. */
public final class DependencyException extends Exception {
    private static final long serialVersionUID = 1L;

    public DependencyException(String message) {
        super(message);
    }
}
