package io.github.eidvn.qr;

import java.util.Arrays;

/** A bounds-checked reader over untrusted container bytes; every overrun is a {@link ContainerFormatException}. */
final class ByteCursor {

    private final byte[] bytes;
    private int pos;

    ByteCursor(byte[] bytes) {
        this.bytes = bytes;
    }

    int position() {
        return pos;
    }

    int remaining() {
        return bytes.length - pos;
    }

    int readByte() throws ContainerFormatException {
        if (pos >= bytes.length) {
            throw overrun(1);
        }
        return bytes[pos++] & 0xFF;
    }

    byte[] readBytes(int n) throws ContainerFormatException {
        if (n < 0 || n > remaining()) {
            throw overrun(n);
        }
        byte[] out = Arrays.copyOfRange(bytes, pos, pos + n);
        pos += n;
        return out;
    }

    /** Reads a minimal unsigned LEB128 varint of at most two bytes. */
    int readVarint() throws ContainerFormatException {
        int first = readByte();
        if (first < 0x80) {
            return first;
        }
        int second = readByte();
        if (second == 0 || second >= 0x80) {
            throw new ContainerFormatException(SignedQrText.Reason.MALFORMED,
                    "length is not a minimal varint of at most two bytes at offset " + (pos - 2));
        }
        return (first & 0x7F) | (second << 7);
    }

    private ContainerFormatException overrun(int wanted) {
        return new ContainerFormatException(SignedQrText.Reason.MALFORMED,
                "container ends early: needs " + wanted + " more byte(s) at offset " + pos + " of " + bytes.length);
    }
}
