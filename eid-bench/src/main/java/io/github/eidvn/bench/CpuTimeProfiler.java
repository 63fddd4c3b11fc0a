package io.github.eidvn.bench;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler ({@code -prof io.github.eidvn.bench.CpuTimeProfiler}) that reports operations per CPU-second of
 * the benchmark JVM (all its threads: the benchmark thread, garbage collection, compilation), as secondary result
 * {@value #NAME}.
 *
 * <p>{@code openssl speed} counts operations per CPU-second of its own process by default (user time), so on a
 * machine shared with other work the two figures stay comparable where wall-clock throughput does not: another
 * process taking the CPU lowers this JVM's wall-clock score but not its work per CPU-second.
 */
public final class CpuTimeProfiler implements InternalProfiler {

    /** The secondary result's name. */
    public static final String NAME = "cpu.ops_per_s";

    private long cpuAtStart;

    /** Creates the profiler (JMH instantiates it by reflection). */
    public CpuTimeProfiler() {
    }

    @Override
    public String getDescription() {
        return "operations per CPU-second of the benchmark JVM";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuAtStart = processCpuNanos();
    }

    @Override
    @SuppressWarnings("rawtypes") // JMH's interface declares the raw Result type
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
            IterationParams iterationParams, IterationResult result) {
        long cpu = processCpuNanos() - cpuAtStart;
        long ops = result.getMetadata().getMeasuredOps();
        if (cpu <= 0 || ops <= 0) {
            return List.of();
        }
        return List.of(new ScalarResult(NAME, ops / (cpu / 1e9), "ops/cpu-s", AggregationPolicy.AVG));
    }

    static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
        }
        throw new IllegalStateException("process CPU time is not available on this JVM");
    }
}
