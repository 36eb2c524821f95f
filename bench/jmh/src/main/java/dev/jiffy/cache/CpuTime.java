package dev.jiffy.cache;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The benchmark thread's CPU time (user and system) per operation, printed after each iteration.
 * On a shared machine wall-clock time stretches with every other runnable process, while the CPU
 * time a file operation costs stays much the same; the two together tell load from cost.
 */
final class CpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private long startNanos;
    private long ops;

    /** Call on the benchmark thread when an iteration starts. */
    void start() {
        startNanos = THREADS.getCurrentThreadCpuTime();
        ops = 0;
    }

    void op() {
        ops++;
    }

    /** Call on the benchmark thread when the iteration ends; prints "cpu: <what> <n> <unit>/op". */
    void print(String what, double nanosPerUnit, String unit) {
        long spent = THREADS.getCurrentThreadCpuTime() - startNanos;
        if (ops > 0) {
            System.out.printf("cpu: %s %.3f %s/op (%d ops)%n", what, spent / nanosPerUnit / ops, unit, ops);
        }
    }
}
