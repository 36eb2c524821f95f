package dev.jiffy.deps;

/**
 * A project's two class paths, as Maven gives them: javac's (compile, provided and system scopes)
 * and the program's as {@code exec:java} runs it (compile and runtime scopes).
 */
public record Classpaths(Resolution compile, Resolution runtime) {}
