package dev.jiffy.work;

/**
 * What every action ID starts with: jiffy's own build version and the JDK, which compiles and
 * runs the program. A new jiffy or another JDK never reuses an output of the old one. Beside
 * them, the compiles this JVM remembers, which the compile action may build on.
 */
record Toolchain(String toolVersion, Jdk jdk, WarmCompiles compiles) {
    ActionKey key(String action) {
        return new ActionKey(action, toolVersion, jdk);
    }
}
