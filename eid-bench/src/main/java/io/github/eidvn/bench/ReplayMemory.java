package io.github.eidvn.bench;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

import org.openjdk.jol.info.GraphLayout;

import io.github.eidvn.verifier.InMemoryReplayGuard;
import io.github.eidvn.verifier.ReplayGuard;

/**
 * P8: the heap an {@link InMemoryReplayGuard} retains for a number of assertion ids, as the verifier records them
 * ({@code <issuer length>:<issuer><jti>}, a 12-byte random {@code jti} in base64url), measured by walking the
 * object graph with JOL and, as a cross-check, by the used-heap difference after full collections.
 */
public final class ReplayMemory {

    private ReplayMemory() {
    }

    /** The figures for one guard. */
    public record Figures(int ids, long jolBytes, long heapDeltaBytes) {
        /** @return JOL bytes per id */
        double bytesPerId() {
            return (double) jolBytes / ids;
        }
    }

    /**
     * Fills a guard with {@code ids} distinct ids and measures it.
     *
     * @param ids how many
     * @return the figures
     */
    public static Figures measure(int ids) {
        long before = usedAfterGc();
        InMemoryReplayGuard guard = fill(ids);
        long after = usedAfterGc();
        long jol = GraphLayout.parseInstance(guard).totalSize();
        if (guard.size() != ids) {
            throw new IllegalStateException("guard holds " + guard.size() + " ids, expected " + ids);
        }
        return new Figures(ids, jol, after - before);
    }

    static InMemoryReplayGuard fill(int ids) {
        InMemoryReplayGuard guard = InMemoryReplayGuard.withCapacity(ids);
        SecureRandom random = new SecureRandom();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String prefix = BenchFixtures.ISSUER.length() + ":" + BenchFixtures.ISSUER;
        Instant now = BenchFixtures.NOW;
        Instant until = now.plusSeconds(11 * 60);
        byte[] jti = new byte[12];
        for (int i = 0; i < ids; i++) {
            random.nextBytes(jti);
            if (guard.checkAndRecord(prefix + b64.encodeToString(jti), until, now) != ReplayGuard.Outcome.FIRST_USE) {
                throw new IllegalStateException("id not recorded");
            }
        }
        return guard;
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
