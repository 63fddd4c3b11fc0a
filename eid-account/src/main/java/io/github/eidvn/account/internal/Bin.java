package io.github.eidvn.account.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Compact, versioned binary encoding of state-store values: a version byte, then fields (64-bit longs, length-prefixed
 * byte strings). Decoding never throws on garbage: it returns empty.
 */
public final class Bin {

    private Bin() {
    }

    /** Writes fields in order. */
    public static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(64);

        /**
         * Starts a value.
         *
         * @param version the format version byte
         */
        public Writer(int version) {
            out.write(version);
        }

        /**
         * Appends a 64-bit big-endian long.
         *
         * @param v the value
         * @return this
         */
        public Writer putLong(long v) {
            for (int i = 7; i >= 0; i--) {
                out.write((int) (v >>> (8 * i)));
            }
            return this;
        }

        /**
         * Appends a byte string with a 16-bit length prefix.
         *
         * @param b at most 65535 bytes
         * @return this
         */
        public Writer putBytes(byte[] b) {
            if (b.length > 0xFFFF) {
                throw new IllegalArgumentException("field too long");
            }
            out.write(b.length >>> 8);
            out.write(b.length);
            out.write(b, 0, b.length);
            return this;
        }

        /**
         * Appends a UTF-8 string with a 16-bit length prefix.
         *
         * @param s the string
         * @return this
         */
        public Writer putString(String s) {
            return putBytes(s.getBytes(StandardCharsets.UTF_8));
        }

        /** @return the encoded value */
        public byte[] toByteArray() {
            return out.toByteArray();
        }
    }

    /** Reads fields in order; any structural error makes {@link #ok()} false. */
    public static final class Reader {
        private final byte[] in;
        private int pos;
        private boolean ok = true;

        private Reader(byte[] in) {
            this.in = in;
            this.pos = 1;
        }

        /**
         * A reader when the value starts with {@code version}.
         *
         * @param value the encoded value
         * @param version the expected version byte
         * @return the reader, or empty for another version or an empty value
         */
        public static Optional<Reader> of(byte[] value, int version) {
            if (value == null || value.length == 0 || (value[0] & 0xFF) != version) {
                return Optional.empty();
            }
            return Optional.of(new Reader(value));
        }

        /** @return the next long, or 0 after an error */
        public long getLong() {
            if (!ok || pos + 8 > in.length) {
                ok = false;
                return 0;
            }
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (in[pos++] & 0xFF);
            }
            return v;
        }

        /** @return the next byte string, or an empty array after an error */
        public byte[] getBytes() {
            if (!ok || pos + 2 > in.length) {
                ok = false;
                return new byte[0];
            }
            int len = ((in[pos] & 0xFF) << 8) | (in[pos + 1] & 0xFF);
            pos += 2;
            if (pos + len > in.length) {
                ok = false;
                return new byte[0];
            }
            byte[] b = java.util.Arrays.copyOfRange(in, pos, pos + len);
            pos += len;
            return b;
        }

        /** @return the next UTF-8 string, or "" after an error */
        public String getString() {
            return new String(getBytes(), StandardCharsets.UTF_8);
        }

        /** @return true when every read succeeded and the whole value was consumed */
        public boolean ok() {
            return ok && pos == in.length;
        }
    }
}
