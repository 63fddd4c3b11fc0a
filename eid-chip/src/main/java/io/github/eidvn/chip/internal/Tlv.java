package io.github.eidvn.chip.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One BER-TLV object of the ICAO logical data structure (tags of up to 3 bytes, definite lengths of up to 4 bytes),
 * read strictly: every length must fit inside its parent, indefinite lengths are refused.
 *
 * @param tag the tag bytes as an integer, e.g. {@code 0x61}, {@code 0x5F1F}, {@code 0x7F61}
 * @param value the value bytes
 * @param encoded the whole object
 */
public record Tlv(int tag, byte[] value, byte[] encoded) {

    /** Thrown for bytes that are not well-formed BER-TLV. */
    public static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        /** @param message what is wrong */
        public MalformedException(String message) {
            super(message);
        }
    }

    /**
     * Reads one object that must fill {@code data} exactly.
     *
     * @param data the bytes
     * @return the object
     * @throws MalformedException if malformed or followed by other bytes
     */
    public static Tlv parse(byte[] data) throws MalformedException {
        List<Tlv> all = parseAll(data, 0, data.length);
        if (all.size() != 1) {
            throw new MalformedException("expected one object, found " + all.size());
        }
        return all.get(0);
    }

    /**
     * @return the objects inside this (constructed) object
     * @throws MalformedException if the value is not a sequence of objects
     */
    public List<Tlv> children() throws MalformedException {
        if ((firstTagByte() & 0x20) == 0) {
            throw new MalformedException(String.format("tag %X is primitive", tag));
        }
        return parseAll(value, 0, value.length);
    }

    /**
     * @param wanted a tag
     * @return the first child with this tag
     * @throws MalformedException if this object is not constructed
     */
    public Optional<Tlv> child(int wanted) throws MalformedException {
        for (Tlv c : children()) {
            if (c.tag == wanted) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * @param wanted a tag
     * @return the first child with this tag
     * @throws MalformedException if there is none
     */
    public Tlv require(int wanted) throws MalformedException {
        return child(wanted).orElseThrow(() -> new MalformedException(String.format("no tag %X in %X", wanted, tag)));
    }

    private int firstTagByte() {
        int t = tag;
        while (t > 0xFF) {
            t >>>= 8;
        }
        return t;
    }

    private static List<Tlv> parseAll(byte[] data, int from, int to) throws MalformedException {
        List<Tlv> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            int start = i;
            int tag = data[i++] & 0xFF;
            if ((tag & 0x1F) == 0x1F) {
                int n = 0;
                do {
                    if (i >= to || ++n > 2) {
                        throw new MalformedException("tag too long or truncated");
                    }
                    tag = tag << 8 | data[i] & 0xFF;
                } while ((data[i++] & 0x80) != 0);
            }
            if (i >= to) {
                throw new MalformedException("length missing");
            }
            int first = data[i++] & 0xFF;
            long length;
            if (first < 0x80) {
                length = first;
            } else {
                int n = first & 0x7F;
                if (n == 0 || n > 4) {
                    throw new MalformedException("indefinite or oversized length");
                }
                if (i + n > to) {
                    throw new MalformedException("length truncated");
                }
                length = 0;
                for (int k = 0; k < n; k++) {
                    length = length << 8 | data[i++] & 0xFF;
                }
            }
            if (length > to - i) {
                throw new MalformedException("length " + length + " exceeds the remaining " + (to - i) + " bytes");
            }
            int end = i + (int) length;
            out.add(new Tlv(tag, Arrays.copyOfRange(data, i, end), Arrays.copyOfRange(data, start, end)));
            i = end;
        }
        return out;
    }
}
