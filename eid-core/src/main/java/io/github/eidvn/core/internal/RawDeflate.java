package io.github.eidvn.core.internal;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Raw DEFLATE (RFC 1951, no zlib or gzip wrapper), as the JWS {@code "zip":"DEF"} header of SMART Health Cards.
 *
 * <p><b>Security:</b> {@link #inflate(byte[], int)} stops as soon as the output would pass the cap, so a small
 * "deflate bomb" cannot make the caller allocate more than the cap. Truncated streams and trailing bytes after the
 * final block are refused.
 */
public final class RawDeflate {

    /** The JWS {@code zip} header value of raw DEFLATE (RFC 7516 §4.1.3). */
    public static final String JOSE_ZIP = "DEF";

    /** The largest inflated payload the verifier accepts: 64 KiB. */
    public static final int MAX_INFLATED_BYTES = 64 * 1024;

    /**
     * One deflater and one inflater per thread, reset before each use: making them allocates and clears zlib's
     * window and tables (hundreds of kilobytes for the deflater), which cost more than compressing a QR payload.
     * After a reset nothing of the previous stream is reachable (matches cannot reach before the stream's start).
     */
    private static final ThreadLocal<Deflater> DEFLATERS =
            ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_COMPRESSION, true));
    private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(() -> new Inflater(true));

    private RawDeflate() {
    }

    /**
     * Compresses with the best compression level.
     *
     * @param data the bytes to compress
     * @return the raw DEFLATE stream
     */
    public static byte[] deflate(byte[] data) {
        Objects.requireNonNull(data, "data");
        Deflater deflater = DEFLATERS.get();
        deflater.reset();
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 16);
            byte[] buf = new byte[1024];
            while (!deflater.finished()) {
                int n = deflater.deflate(buf);
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } finally {
            deflater.reset(); // drops the input reference
        }
    }

    /**
     * Decompresses a raw DEFLATE stream, refusing output larger than {@code maxBytes}.
     *
     * @param compressed the raw DEFLATE stream
     * @param maxBytes the output cap (positive)
     * @return the inflated bytes
     * @throws TooLargeException when the output would exceed {@code maxBytes}
     * @throws IllegalArgumentException when the stream is not valid raw DEFLATE, is truncated, or has trailing bytes
     */
    public static byte[] inflate(byte[] compressed, int maxBytes) {
        Objects.requireNonNull(compressed, "compressed");
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        Inflater inflater = INFLATERS.get();
        inflater.reset();
        try {
            // no extra "dummy" byte (an old zlib need): a zero byte could complete a truncated fixed-Huffman block
            inflater.setInput(compressed);
            // inflate straight into the result, grown by doubling up to the cap (no separate copy buffer)
            byte[] out = new byte[Math.max(1, (int) Math.min(maxBytes, compressed.length * 4L + 64))];
            int length = 0;
            while (!inflater.finished()) {
                if (length == out.length) {
                    if (out.length == maxBytes) {
                        // at the cap and not finished: one more byte of output means too large
                        if (inflateSome(inflater, new byte[1], 0, 1) > 0) {
                            throw new TooLargeException("inflated data exceeds " + maxBytes + " bytes");
                        }
                        break;
                    }
                    out = Arrays.copyOf(out, (int) Math.min(maxBytes, out.length * 2L));
                }
                int n = inflateSome(inflater, out, length, out.length - length);
                if (n == 0) {
                    break;
                }
                length += n;
            }
            if (inflater.getRemaining() > 0) {
                throw new IllegalArgumentException("trailing bytes after the DEFLATE stream");
            }
            return length == out.length ? out : Arrays.copyOf(out, length);
        } finally {
            inflater.reset(); // drops the input reference, whatever happened
        }
    }

    /**
     * One inflate call; 0 only when the stream has finished.
     *
     * @throws IllegalArgumentException for invalid data, or when no progress is possible (truncated stream, or a
     *     preset dictionary wanted)
     */
    private static int inflateSome(Inflater inflater, byte[] out, int offset, int length) {
        int n;
        try {
            n = inflater.inflate(out, offset, length);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("invalid DEFLATE data", e);
        }
        if (n == 0 && !inflater.finished()) {
            throw new IllegalArgumentException("truncated DEFLATE data");
        }
        return n;
    }

    /** Thrown by {@link #inflate(byte[], int)} when the output cap would be passed. */
    public static final class TooLargeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLargeException(String message) {
            super(message);
        }
    }
}
