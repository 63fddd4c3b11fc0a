package io.github.eidvn.qr;

import java.io.ByteArrayOutputStream;

/** Unsigned LEB128 varints, at most two bytes (values 0..16383), minimal form only. */
final class Varint {

    static final int MAX_VALUE = (1 << 14) - 1;

    private Varint() {
    }

    static int size(int value) {
        return value < 0x80 ? 1 : 2;
    }

    static void write(int value, ByteArrayOutputStream out) {
        if (value < 0 || value > MAX_VALUE) {
            throw new IllegalArgumentException("varint out of range: " + value);
        }
        if (value < 0x80) {
            out.write(value);
        } else {
            out.write((value & 0x7F) | 0x80);
            out.write(value >>> 7);
        }
    }
}
