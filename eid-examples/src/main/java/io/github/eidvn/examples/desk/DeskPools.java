package io.github.eidvn.examples.desk;

import java.net.InetAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The desk's bounded capacity: connection threads (reading requests, writing answers), decision workers (running
 * the checks) and the number of requests one client address may have in progress. Work beyond a pool and its queue
 * is refused, never queued without bound.
 */
final class DeskPools implements AutoCloseable {

    final ThreadPoolExecutor io;
    final ThreadPoolExecutor decisions;
    private final int maxPerAddress;
    private final ConcurrentHashMap<InetAddress, AtomicInteger> inProgress = new ConcurrentHashMap<>();

    /**
     * @param ioThreads the number of connection threads
     * @param decisionThreads the number of decision workers
     * @param maxPerAddress the requests one address may have in progress
     */
    DeskPools(int ioThreads, int decisionThreads, int maxPerAddress) {
        this.io = new ThreadPoolExecutor(ioThreads, ioThreads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(ioThreads * 4), threads("eid-desk-io-"), new ThreadPoolExecutor.AbortPolicy());
        this.decisions = new ThreadPoolExecutor(decisionThreads, decisionThreads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(decisionThreads * 16), threads("eid-desk-check-"),
                new ThreadPoolExecutor.AbortPolicy());
        this.maxPerAddress = maxPerAddress;
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Counts a request of {@code client} in progress until the returned slot is closed.
     *
     * @param client the client's address
     * @return the slot; {@link Slot#overLimit()} when the address already has its maximum in progress
     */
    Slot enter(InetAddress client) {
        AtomicInteger count = inProgress.computeIfAbsent(client, a -> new AtomicInteger());
        boolean overLimit = count.incrementAndGet() > maxPerAddress;
        return new Slot(overLimit, () -> {
            if (count.decrementAndGet() <= 0) {
                inProgress.remove(client, count);
            }
        });
    }

    /**
     * A request in progress, counted against its address until closed.
     *
     * @param overLimit true when this request is one too many for its address (answer 429)
     * @param release uncounts it
     */
    record Slot(boolean overLimit, Runnable release) implements AutoCloseable {
        @Override
        public void close() {
            release.run();
        }
    }

    @Override
    public void close() {
        io.shutdownNow();
        decisions.shutdownNow();
    }
}
