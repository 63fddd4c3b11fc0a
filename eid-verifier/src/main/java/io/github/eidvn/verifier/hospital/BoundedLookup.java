package io.github.eidvn.verifier.hospital;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a {@link HealthInsuranceLookup} within a time budget: a late answer, an exception, a null answer or more
 * calls at once than {@link #MAX_CONCURRENT} are {@link LookupResult.Unavailable}. Calls run on daemon threads that
 * end when idle, so nothing needs closing.
 */
final class BoundedLookup {

    /** How many lookups may run at once (a hung gateway cannot make threads pile up beyond this). */
    static final int MAX_CONCURRENT = 32;

    private final HealthInsuranceLookup lookup;
    private final Duration timeout;
    private final ThreadPoolExecutor pool;

    BoundedLookup(HealthInsuranceLookup lookup, Duration timeout) {
        this.lookup = lookup;
        this.timeout = timeout;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(0, MAX_CONCURRENT, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "eid-insurance-lookup-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    LookupResult lookup(InsuranceQuery query) {
        Future<LookupResult> f;
        try {
            f = pool.submit(() -> lookup.lookup(query));
        } catch (RejectedExecutionException e) {
            return new LookupResult.Unavailable("too many lookups at once");
        }
        try {
            LookupResult r = f.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return r == null ? new LookupResult.Unavailable("lookup gave no answer") : r;
        } catch (TimeoutException e) {
            f.cancel(true);
            return new LookupResult.Unavailable("no answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            return new LookupResult.Unavailable("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new LookupResult.Unavailable("lookup failed: " + cause.getClass().getSimpleName());
        }
    }

    Duration timeout() {
        return timeout;
    }

    @Override
    public String toString() {
        return lookup + " within " + timeout.toMillis() + " ms";
    }
}
