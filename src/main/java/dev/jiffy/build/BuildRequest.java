package dev.jiffy.build;

/**
 * One build: the target and the flags that shape it. {@code mainClass} is {@code -main}, or null
 * to take {@code //MAIN} or the one class with a main method.
 */
public record BuildRequest(Target target, String mainClass, boolean rebuild, boolean dryRun) {}
