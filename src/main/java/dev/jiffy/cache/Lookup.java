package dev.jiffy.cache;

/**
 * The answer of {@link Cache#get}: a miss is a value with its reason, not an exception, so
 * that {@code -x} can say why something was rebuilt.
 */
public sealed interface Lookup {
    /** An entry whose content is present with the recorded size. */
    record Hit(OutputId outputId, long size, long timeNanos) implements Lookup {}

    record Miss(String reason) implements Lookup {}
}
