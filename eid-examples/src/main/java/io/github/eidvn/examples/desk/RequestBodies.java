package io.github.eidvn.examples.desk;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;

import com.sun.net.httpserver.HttpExchange;

/** Reading request bodies within a size limit and a deadline, and throwing away what is not read. */
final class RequestBodies {

    /** How much of an over-limit body is read and thrown away so the client sees the answer; beyond it: close. */
    private static final long DRAIN_CAP = 16L * 1024 * 1024;

    private RequestBodies() {
    }

    /** Why a body was not read in full. */
    enum Failure { TOO_LARGE, TIMEOUT }

    /**
     * A body read in full ({@code failure} null), or why not ({@code bytes} null).
     *
     * @param bytes the body
     * @param failure why it was not read
     */
    record Body(byte[] bytes, Failure failure) {
    }

    /**
     * The body if it has at most {@code limit} bytes and arrives within {@code deadline}; else why not (an
     * over-limit rest is thrown away, bounded). The deadline is checked after every read, so a client trickling a
     * byte at a time is answered 408 at its first byte past the deadline.
     */
    static Body read(HttpExchange ex, int limit, Duration deadline) throws IOException {
        long end = System.nanoTime() + deadline.toNanos();
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                length = Long.MAX_VALUE;
            }
            if (length > limit) {
                drain(ex);
                return new Body(null, Failure.TOO_LARGE);
            }
        }
        InputStream in = ex.getRequestBody();
        byte[] buf = new byte[Math.min(limit + 1, 16 * 1024)];
        int length = 0;
        while (true) {
            if (System.nanoTime() - end > 0) {
                return new Body(null, Failure.TIMEOUT);
            }
            if (length == buf.length) {
                buf = Arrays.copyOf(buf, Math.min(limit + 1, buf.length * 2));
            }
            int n = in.read(buf, length, buf.length - length);
            if (n < 0) {
                break;
            }
            length += n;
            if (length > limit) {
                drain(ex);
                return new Body(null, Failure.TOO_LARGE);
            }
        }
        return new Body(Arrays.copyOf(buf, length), null);
    }

    /** Reads and discards what is left of the body, up to a cap (past it the connection is closed). */
    static void drain(HttpExchange ex) throws IOException {
        InputStream in = ex.getRequestBody();
        byte[] buf = new byte[16 * 1024];
        long total = 0;
        int n;
        while (total < DRAIN_CAP && (n = in.read(buf)) > 0) {
            total += n;
        }
    }
}
