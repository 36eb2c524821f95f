package dev.jiffy.project;

/** A project that cannot be read, with one line for the user naming the pom (and line) at fault. */
public final class ProjectException extends Exception {
    private static final long serialVersionUID = 1L;

    ProjectException(String message) {
        super(message);
    }
}
