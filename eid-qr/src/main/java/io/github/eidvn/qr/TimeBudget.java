package io.github.eidvn.qr;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A time budget for one image, counted in the CPU time of the calling thread (wall-clock time where the JVM cannot
 * measure thread CPU time): a busy machine then does not change which passes run, and a hostile image still cannot
 * hold a thread for longer than the budget plus one pass.
 */
final class TimeBudget {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long end;

    private TimeBudget(long end) {
        this.end = end;
    }

    /**
     * A budget starting now.
     *
     * @param millis the budget in milliseconds
     * @return the budget
     */
    static TimeBudget startingNow(long millis) {
        return new TimeBudget(now() + millis * 1_000_000L);
    }

    /** @return whether the budget is spent */
    boolean expired() {
        return now() - end > 0;
    }

    private static long now() {
        if (THREADS.isCurrentThreadCpuTimeSupported()) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            if (cpu >= 0) {
                return cpu;
            }
        }
        return System.nanoTime();
    }
}
